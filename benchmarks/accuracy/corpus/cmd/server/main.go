package main

import (
	"log"
	"net/http"
	"os"
)

const dbPassword = "{{password:16}}"  ⟪+password⟫
const apiTokenHeader = "X-Api-Token"  ⟪-name-only⟫

var slackToken = "xoxb-{{digits:12}}-{{digits:13}}-{{alnum:24}}"  ⟪+provider-token⟫
var signingSecret = os.Getenv("SIGNING_SECRET")  ⟪-env-reference⟫

func main() {
	http.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get(apiTokenHeader) != "{{alnum:32}}" {  ⟪+comparison⟫
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Write([]byte("ok"))
	})
	log.Fatal(http.ListenAndServe(":8080", nil))
}
