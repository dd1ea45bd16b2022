package service

import (
	"context"
	"html/template"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
)

// MessageView is a message with its body rendered for the viewer: wiki
// links and mentions resolve to what they may see.
type MessageView struct {
	maillage.Message
	HTML template.HTML
}

// ConversationMessages returns a page of a conversation's messages,
// newest first, rendered for the viewer, with their total.
func (s *Service) ConversationMessages(ctx context.Context, v maillage.Viewer, id string, p Page) ([]MessageView, int, error) {
	if _, err := s.Conversation(ctx, v, id); err != nil {
		return nil, 0, err
	}
	msgs, total, err := s.db.Messages(ctx, id, p.Limit, p.Offset)
	if err != nil {
		return nil, 0, err
	}
	out, err := s.renderMessages(ctx, v, msgs)
	return out, total, err
}

// renderMessages renders a page of messages. One resolver serves them
// all, so a page costs a few queries rather than a few per message.
func (s *Service) renderMessages(ctx context.Context, v maillage.Viewer, msgs []maillage.Message) ([]MessageView, error) {
	bodies := make([]string, len(msgs))
	for i, m := range msgs {
		bodies[i] = m.Body
	}
	res, err := s.Resolver(ctx, v, strings.Join(bodies, "\n\n"), "")
	if err != nil {
		return nil, err
	}
	out := make([]MessageView, len(msgs))
	for i, m := range msgs {
		r, err := s.markup.Render(m.Body, res)
		if err != nil {
			return nil, err
		}
		out[i] = MessageView{Message: m, HTML: r.HTML}
	}
	return out, nil
}
