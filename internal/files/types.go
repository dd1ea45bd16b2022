package files

// MIME types Detect can return. Text files all get mimeText whatever their
// extension, so a browser never renders them as anything else.
const (
	mimePNG  = "image/png"
	mimeJPEG = "image/jpeg"
	mimeGIF  = "image/gif"
	mimeWebP = "image/webp"
	mimeAVIF = "image/avif"
	mimePDF  = "application/pdf"
	mimeDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	mimeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	mimePPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
	mimeODT  = "application/vnd.oasis.opendocument.text"
	mimeODS  = "application/vnd.oasis.opendocument.spreadsheet"
	mimeODP  = "application/vnd.oasis.opendocument.presentation"
	mimeText = "text/plain; charset=utf-8"
	mimeMP3  = "audio/mpeg"
	mimeAAC  = "audio/aac"
	mimeM4A  = "audio/mp4"
	mimeOGA  = "audio/ogg"
	mimeOpus = "audio/ogg; codecs=opus"
	mimeFLAC = "audio/flac"
	mimeWAV  = "audio/wav"
	mimeMP4  = "video/mp4"
	mimeMOV  = "video/quicktime"
	mime3GP  = "video/3gpp"
	mimeOGV  = "video/ogg"
	mimeWebM = "video/webm"
)

// typeOf returns the Type of a MIME type this package accepts. It is the
// one table of accepted formats; a switch rather than a map keeps it
// immutable. Text types are built by detectText, which knows the extension.
func typeOf(mime string) Type {
	switch mime {
	case mimePNG:
		return Type{MIME: mime, Kind: KindImage, Ext: ".png", Inline: true}
	case mimeJPEG:
		return Type{MIME: mime, Kind: KindImage, Ext: ".jpg", Inline: true}
	case mimeGIF:
		return Type{MIME: mime, Kind: KindImage, Ext: ".gif", Inline: true}
	case mimeWebP:
		return Type{MIME: mime, Kind: KindImage, Ext: ".webp", Inline: true}
	case mimeAVIF:
		return Type{MIME: mime, Kind: KindImage, Ext: ".avif", Inline: true}
	case mimePDF:
		return Type{MIME: mime, Kind: KindPDF, Ext: ".pdf", Inline: true}
	case mimeDOCX:
		return Type{MIME: mime, Kind: KindDocument, Ext: ".docx"}
	case mimeXLSX:
		return Type{MIME: mime, Kind: KindDocument, Ext: ".xlsx"}
	case mimePPTX:
		return Type{MIME: mime, Kind: KindDocument, Ext: ".pptx"}
	case mimeODT:
		return Type{MIME: mime, Kind: KindDocument, Ext: ".odt"}
	case mimeODS:
		return Type{MIME: mime, Kind: KindDocument, Ext: ".ods"}
	case mimeODP:
		return Type{MIME: mime, Kind: KindDocument, Ext: ".odp"}
	case mimeMP3:
		return Type{MIME: mime, Kind: KindAudio, Ext: ".mp3", Inline: true}
	case mimeAAC:
		return Type{MIME: mime, Kind: KindAudio, Ext: ".aac", Inline: true}
	case mimeM4A:
		return Type{MIME: mime, Kind: KindAudio, Ext: ".m4a", Inline: true}
	case mimeOGA:
		return Type{MIME: mime, Kind: KindAudio, Ext: ".ogg", Inline: true}
	case mimeOpus:
		return Type{MIME: mime, Kind: KindAudio, Ext: ".opus", Inline: true}
	case mimeFLAC:
		return Type{MIME: mime, Kind: KindAudio, Ext: ".flac", Inline: true}
	case mimeWAV:
		return Type{MIME: mime, Kind: KindAudio, Ext: ".wav", Inline: true}
	case mimeMP4:
		return Type{MIME: mime, Kind: KindVideo, Ext: ".mp4", Inline: true}
	case mimeMOV:
		return Type{MIME: mime, Kind: KindVideo, Ext: ".mov", Inline: true}
	case mime3GP:
		return Type{MIME: mime, Kind: KindVideo, Ext: ".3gp", Inline: true}
	case mimeOGV:
		return Type{MIME: mime, Kind: KindVideo, Ext: ".ogv", Inline: true}
	case mimeWebM:
		return Type{MIME: mime, Kind: KindVideo, Ext: ".webm", Inline: true}
	}
	return Type{}
}

// sameExt reports whether a lowercased file extension names the same
// format as t.Ext, counting the usual spellings (".jpeg" for ".jpg").
func sameExt(ext string, t Type) bool {
	if ext == t.Ext {
		return true
	}
	switch t.Ext {
	case ".jpg":
		return ext == ".jpeg" || ext == ".jpe" || ext == ".jfif"
	case ".md":
		return ext == ".markdown"
	case ".ogg":
		return ext == ".oga"
	case ".opus":
		return ext == ".ogg" || ext == ".oga"
	case ".mp4":
		return ext == ".m4v"
	case ".m4a":
		return ext == ".mp4"
	case ".mov":
		return ext == ".qt"
	}
	return false
}
