package config

import (
	"flag"
	"testing"
)

func TestPrecedence(t *testing.T) {
	c := Default()
	c.FromEnv(func(k string) string {
		return map[string]string{"MAILLAGE_ADDR": ":9000", "MAILLAGE_DEMO": "1", "MAILLAGE_DATA": "/srv/m"}[k]
	})
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	c.ServeFlags(fs)
	if err := fs.Parse([]string{"--addr", "127.0.0.1:7000"}); err != nil {
		t.Fatal(err)
	}
	if c.Addr != "127.0.0.1:7000" || !c.Demo || c.DataDir != "/srv/m" || c.BaseURL != "http://localhost:8080" {
		t.Fatalf("flag > env > default broken: %+v", c)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestValidate(t *testing.T) {
	for name, c := range map[string]Config{
		"mysql":    {DataDir: "d", DatabaseURL: "mysql://x", BaseURL: "http://x"},
		"smtp":     {DataDir: "d", SMTPURL: "mail.example.org", BaseURL: "http://x"},
		"base url": {DataDir: "d", BaseURL: "localhost:8080"},
		"no data":  {BaseURL: "http://x"},
	} {
		if c.Validate() == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
