//! Markdown documents from the templates in `assets/`.
