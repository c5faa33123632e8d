"""Inline images for e-mails, so mail clients show them without fetching anything."""

LOGO_PNG = "data:image/png;base64,{{base64:180}}"  ⟪-data-uri⟫
SPINNER_GIF = "data:image/gif;base64,{{base64:120}}"  ⟪-data-uri⟫
FAVICON = (
    "data:image/x-icon;base64,"
    "{{base64:76}}"  ⟪-data-uri⟫
)
FONT_WOFF2 = "data:font/woff2;base64,{{base64:160}}"  ⟪-data-uri⟫
EMPTY_PIXEL = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"  ⟪-data-uri⟫
