"""Rule packs shipped as package data (installed as ``secretcheck.rules``); no code here."""
