//! What people type for an interview's length and place, in the booking dialog and on the
//! command line alike: one set of rules, so `phone` and `45` mean the same in both.

use std::ops::RangeInclusive;

/// How long an interview may be booked for, in minutes: a quarter hour call to a whole day on
/// site is the real range; anything outside is a typo.
pub const MINUTES: RangeInclusive<u16> = 5..=480;

/// The default length, in minutes.
pub const DEFAULT_MINUTES: u16 = 30;

/// The longest free-text place kept.
const PLACE_CHARS: usize = 120;

/// Parses a length: `45`, `45m`, `45 min`, `1h`, `1h30`, `1.5h` is refused (say `1h30`).
pub fn parse_minutes(text: &str) -> Result<u16, String> {
    let t = text.trim().to_lowercase();
    let refuse = || {
        format!(
            "'{}' is not a length: give minutes ({}-{}), e.g. 45, 45m or 1h30",
            text.trim(),
            MINUTES.start(),
            MINUTES.end()
        )
    };
    if t.is_empty() {
        return Ok(DEFAULT_MINUTES);
    }
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let minutes = if let Some((h, m)) = t.split_once('h') {
        let m = m
            .trim()
            .trim_end_matches("min")
            .trim_end_matches('m')
            .trim();
        let m = if m.is_empty() { Some(0) } else { number(m) };
        number(h.trim()).zip(m).map(|(h, m)| h * 60 + m)
    } else {
        number(
            t.trim_end_matches("minutes")
                .trim_end_matches("min")
                .trim_end_matches('m')
                .trim(),
        )
    };
    let minutes = minutes.ok_or_else(refuse)?;
    u16::try_from(minutes)
        .ok()
        .filter(|m| MINUTES.contains(m))
        .ok_or_else(|| {
            format!(
                "{minutes} minutes is outside {}-{}: book a length in that range",
                MINUTES.start(),
                MINUTES.end()
            )
        })
}

/// Parses a place: empty, `office` or `on site` mean the customer's office (`None`); `phone`
/// and `video` become `by phone` / `by video call`; anything else is kept as written, read
/// after the length ("30 min at their Leeds depot"), so a bare name gets an `at`.
pub fn parse_location(text: &str) -> Result<Option<String>, String> {
    let line = super::sanitize::line(text);
    let t = line.trim();
    let known = match t.to_lowercase().as_str() {
        "" | "office" | "on site" | "onsite" | "on-site" | "site" | "at the customer's office" => {
            return Ok(None);
        }
        "phone" | "by phone" | "call" | "phone call" | "telephone" => Some("by phone"),
        "video" | "by video" | "video call" | "by video call" | "online" => Some("by video call"),
        _ => None,
    };
    if let Some(k) = known {
        return Ok(Some(k.to_string()));
    }
    if t.chars().count() > PLACE_CHARS {
        return Err(format!(
            "the place is {} characters long; keep it under {PLACE_CHARS}",
            t.chars().count()
        ));
    }
    let lower = t.to_lowercase();
    let phrase = ["at ", "by ", "on ", "in ", "via ", "over "]
        .iter()
        .any(|p| lower.starts_with(p));
    Ok(Some(if phrase {
        t.to_string()
    } else {
        format!("at {t}")
    }))
}

/// Where an interview is, as read after its length: `by phone`, `at the customer's office`.
pub fn place(location: Option<&str>) -> &str {
    location.unwrap_or("at the customer's office")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_people_type() {
        let cases = [
            ("", Ok(30)),
            ("45", Ok(45)),
            ("45m", Ok(45)),
            ("45 min", Ok(45)),
            ("1h", Ok(60)),
            ("1h30", Ok(90)),
            ("2h 15m", Ok(135)),
            ("5", Ok(5)),
            ("480", Ok(480)),
        ];
        for (text, want) in cases {
            assert_eq!(parse_minutes(text), want, "{text}");
        }
        for bad in ["4", "481", "9h", "0", "abc", "1.5h", "-30", "99999999"] {
            assert!(parse_minutes(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn places_people_type() {
        let cases = [
            ("", None),
            ("on site", None),
            ("Office", None),
            ("phone", Some("by phone")),
            ("Phone call", Some("by phone")),
            ("video", Some("by video call")),
            ("their Leeds depot", Some("at their Leeds depot")),
            ("via Teams", Some("via Teams")),
            ("  at the\tpub ", Some("at the pub")),
        ];
        for (text, want) in cases {
            assert_eq!(parse_location(text), Ok(want.map(String::from)), "{text}");
        }
        assert!(parse_location(&"x".repeat(121)).is_err());
        assert_eq!(place(None), "at the customer's office");
        assert_eq!(place(Some("by phone")), "by phone");
    }
}
