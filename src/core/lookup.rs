//! Finding a record from what a person typed: an exact name (any case), else a unique part of
//! one. Ambiguity is an error naming the candidates, never a guess. Shared by the CLI and the
//! dashboard's forms.

/// At most this many candidates are named in an ambiguity error.
const SHOWN: usize = 8;

/// Why nothing was picked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LookupError {
    /// Nothing typed.
    #[error("no {0} given")]
    Empty(&'static str),
    /// No match.
    #[error("no {0} matches '{1}'")]
    NotFound(&'static str, String),
    /// Several matches.
    #[error("'{text}' matches {count} {what}s: {names}; be more specific")]
    Ambiguous {
        /// What was looked for.
        what: &'static str,
        /// What was typed.
        text: String,
        /// How many matched.
        count: usize,
        /// The first few names.
        names: String,
    },
}

/// Picks the record whose name equals `text` (any case), else the only one containing it.
pub fn pick<'a, T>(
    what: &'static str,
    text: &str,
    all: &'a [T],
    name: impl Fn(&T) -> &str,
) -> Result<&'a T, LookupError> {
    let needle = text.trim().to_lowercase();
    if needle.is_empty() {
        return Err(LookupError::Empty(what));
    }
    if let Some(exact) = all.iter().find(|x| name(x).to_lowercase() == needle) {
        return Ok(exact);
    }
    let matches: Vec<&T> = all
        .iter()
        .filter(|x| name(x).to_lowercase().contains(&needle))
        .collect();
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(LookupError::NotFound(what, text.trim().to_string())),
        many => {
            let mut names: Vec<&str> = many.iter().take(SHOWN).map(|x| name(x)).collect();
            if many.len() > SHOWN {
                names.push("…");
            }
            Err(LookupError::Ambiguous {
                what,
                text: text.trim().to_string(),
                count: many.len(),
                names: names.join(", "),
            })
        }
    }
}

/// One of our people by email, exact name, or unique part of a name.
pub fn staff<'a>(
    data: &'a crate::core::Dataset,
    text: &str,
) -> Result<&'a crate::core::Staff, LookupError> {
    let email = text.trim();
    if let Some(s) = data.staff.iter().find(|s| {
        s.email
            .as_deref()
            .is_some_and(|e| e.eq_ignore_ascii_case(email))
    }) {
        return Ok(s);
    }
    pick("staff member", text, &data.staff, |s| s.name.as_str())
}

/// A customer by id (`C12`/`12`), exact name (any case), or unique part of a name.
pub fn customer<'a>(
    data: &'a crate::core::Dataset,
    text: &str,
) -> Result<&'a crate::core::Customer, LookupError> {
    if let Some(n) = crate::core::ids::parse_id_number(text, 'C')
        && let Some(c) = data.customers.iter().find(|c| c.id.0 == n)
    {
        return Ok(c);
    }
    pick("customer", text, &data.customers, |c| c.name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_then_unique_part_then_errors() {
        let names = ["Dana Reyes", "Dan Ortiz", "Sam Ortiz"];
        let get = |t: &str| pick("person", t, &names, |s| s).copied();
        assert_eq!(get("dana reyes"), Ok("Dana Reyes"));
        assert_eq!(get("reyes"), Ok("Dana Reyes"));
        assert_eq!(
            get("Dan Ortiz"),
            Ok("Dan Ortiz"),
            "exact wins over a longer name containing it"
        );
        assert!(matches!(
            get("ortiz"),
            Err(LookupError::Ambiguous { count: 2, .. })
        ));
        assert_eq!(
            get("zed"),
            Err(LookupError::NotFound("person", "zed".into()))
        );
        assert_eq!(get("  "), Err(LookupError::Empty("person")));
    }
}
