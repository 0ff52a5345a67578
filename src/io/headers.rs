//! Matching CSV column headers to our fields: case- and punctuation-insensitive, with synonyms.
