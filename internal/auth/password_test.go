package auth

import (
	"strings"
	"testing"
)

func TestPasswordHash(t *testing.T) {
	t.Parallel()
	h, err := HashPassword("correct horse battery", DefaultParams)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=65536,t=3,p=2$") {
		t.Errorf("hash %q does not carry the argon2id parameters", h)
	}
	p, err := HashParams(h)
	if err != nil || p != DefaultParams {
		t.Errorf("params %+v, %v; want %+v", p, err, DefaultParams)
	}
	if ok, err := VerifyPassword("correct horse battery", h); !ok || err != nil {
		t.Errorf("right password refused: %v", err)
	}
	if ok, _ := VerifyPassword("correct horse batterY", h); ok {
		t.Error("wrong password accepted")
	}
	h2, _ := HashPassword("correct horse battery", DefaultParams)
	if h2 == h {
		t.Error("two hashes of one password must differ (random salt)")
	}
}

func TestPasswordParamsMeetOWASP(t *testing.T) {
	t.Parallel()
	p := DefaultParams
	if p.Memory < 19*1024 || p.Time < 2 || p.Threads < 1 || p.SaltLen < 16 || p.KeyLen < 32 {
		t.Errorf("argon2id parameters below OWASP's minimum: %+v", p)
	}
}

func TestVerifyRejectsOtherHashes(t *testing.T) {
	t.Parallel()
	for _, bad := range []string{"", "plaintext", "$2a$10$abcdefghijklmnopqrstuv", "$argon2i$v=19$m=65536,t=3,p=2$c2FsdA$a2V5", "$argon2id$v=18$m=1,t=1,p=1$c2FsdA$a2V5"} {
		if _, err := VerifyPassword("x", bad); err == nil {
			t.Errorf("%q accepted as a hash", bad)
		}
	}
}
