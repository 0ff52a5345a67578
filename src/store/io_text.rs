//! File-system errors in plain words. The OS's own text ("No space left on device (os error
//! 28)") is not what a user should read, and sled hands some errors back as a copy whose text
//! is Rust's debug form (`Os { code: 28, kind: StorageFull, message: "..." }`, from its
//! `impl Clone for Error`): both become one short phrase here.

use std::io::{Error, ErrorKind};

/// The error in plain words, without codes.
pub fn plain(e: &Error) -> String {
    match e.kind() {
        ErrorKind::StorageFull => "the disk is full".into(),
        ErrorKind::QuotaExceeded => "your disk quota is used up".into(),
        ErrorKind::ReadOnlyFilesystem => "the file system is read-only".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::NotFound => "it does not exist".into(),
        _ => {
            let code = e.raw_os_error().or_else(|| debug_code(&e.to_string()));
            match code {
                Some(code) => without_code(&Error::from_raw_os_error(code).to_string()),
                None => e.to_string(),
            }
        }
    }
}

/// The OS error code inside Rust's debug text of an `io::Error`, if that is what `text` is.
fn debug_code(text: &str) -> Option<i32> {
    let rest = text.strip_prefix("Os {")?;
    let after = &rest[rest.find("code: ")? + "code: ".len()..];
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// "Input/output error (os error 5)" without " (os error 5)", first letter small, as it
/// follows a colon in a sentence.
fn without_code(text: &str) -> String {
    let text = text.split(" (os error").next().unwrap_or(text);
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_errors_read_as_plain_words_also_when_sled_cloned_them() {
        let sled_clone = Error::new(
            ErrorKind::StorageFull,
            r#"Os { code: 28, kind: StorageFull, message: "No space left on device" }"#,
        );
        assert_eq!(plain(&sled_clone), "the disk is full");
        assert_eq!(plain(&Error::from_raw_os_error(28)), "the disk is full");
        assert_eq!(
            plain(&Error::from_raw_os_error(libc::EROFS)),
            "the file system is read-only"
        );
        assert_eq!(
            plain(&Error::from_raw_os_error(libc::EIO)),
            "input/output error"
        );
        let cloned_eio = Error::other(r#"Os { code: 5, kind: Uncategorized, message: "x" }"#);
        assert_eq!(plain(&cloned_eio), "input/output error");
        assert_eq!(plain(&Error::other("sled said so")), "sled said so");
    }
}
