//! Amounts of money in integer minor units, and the parsing of amounts as CRMs export them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount in minor units (cents) of an ISO 4217 currency.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    /// The amount in minor units, e.g. cents.
    pub minor: i64,
    /// Upper-case ISO 4217 code, e.g. `USD`.
    pub currency: String,
}

/// Why an amount could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// Nothing numeric was found.
    #[error("'{0}' is not an amount (expected e.g. 1250000, 1,250,000.00 or $1.25M)")]
    NotAnAmount(String),
    /// More decimals than the currency has.
    #[error("'{0}' has more decimals than {1} allows ({2})")]
    TooPrecise(String, String, u32),
    /// Amounts below zero make no sense as a customer's size.
    #[error("'{0}' is negative")]
    Negative(String),
    /// Larger than can be stored.
    #[error("'{0}' is too large")]
    TooLarge(String),
    /// Not a three-letter ISO 4217 code.
    #[error("currency {0} is not a three-letter ISO code such as USD or EUR")]
    Currency(String),
}

/// Whether `code` has the shape of an ISO 4217 code: three ASCII letters, upper case as stored.
/// The same rule as the CRM import's currency column and `--currency`.
pub fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase())
}

/// How many minor digits a currency has (ISO 4217); 2 unless listed.
pub fn minor_digits(currency: &str) -> u32 {
    match currency {
        "JPY" | "KRW" | "ISK" | "CLP" | "VND" | "UGX" | "PYG" | "XOF" | "XAF" => 0,
        "BHD" | "KWD" | "OMR" | "JOD" | "TND" | "LYD" | "IQD" => 3,
        _ => 2,
    }
}

impl Money {
    /// An amount in minor units of `currency` (upper-cased).
    pub fn new(minor: i64, currency: &str) -> Money {
        Money {
            minor,
            currency: currency.trim().to_ascii_uppercase(),
        }
    }

    /// Checks an amount that arrives already in minor units (a backup): not negative, as
    /// [`Money::parse`] refuses for a customer's size, and in an ISO-shaped currency.
    pub fn check(&self) -> Result<(), MoneyError> {
        if self.minor < 0 {
            return Err(MoneyError::Negative(self.major_decimal()));
        }
        if !is_currency_code(&self.currency) {
            return Err(MoneyError::Currency(super::sanitize::quote(&self.currency)));
        }
        Ok(())
    }

    /// The exact decimal in major units, e.g. `1250000.00`; what exports write.
    pub fn major_decimal(&self) -> String {
        let digits = minor_digits(&self.currency);
        if digits == 0 {
            return self.minor.to_string();
        }
        let scale = 10i64.pow(digits);
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        let scale_u = scale.unsigned_abs();
        format!(
            "{sign}{}.{:0width$}",
            abs / scale_u,
            abs % scale_u,
            width = digits as usize
        )
    }

    /// A short form for tables: `USD 1.3M`, `EUR 850k`, `GBP 920`.
    pub fn compact(&self) -> String {
        let major = self.minor as f64 / 10f64.powi(minor_digits(&self.currency) as i32);
        let text = if major.abs() >= 1_000_000.0 {
            format!("{:.1}M", major / 1_000_000.0)
        } else if major.abs() >= 1_000.0 {
            format!("{:.0}k", major / 1_000.0)
        } else {
            format!("{major:.0}")
        };
        format!("{} {}", self.currency, text)
    }

    /// Parses an amount as CRM exports write it: `1250000`, `1,250,000.00`, `$1,250,000.00`,
    /// `1.250.000,00 €`, `USD 1250000`, `1.25M`, `850k`. A currency symbol or code in the text
    /// wins over `default_currency`.
    pub fn parse(text: &str, default_currency: &str) -> Result<Money, MoneyError> {
        let original = text.trim();
        let mut s = original.to_string();
        let mut currency = default_currency.trim().to_ascii_uppercase();
        for (symbol, code) in [
            ("US$", "USD"),
            ("$", "USD"),
            ("€", "EUR"),
            ("£", "GBP"),
            ("¥", "JPY"),
        ] {
            if s.contains(symbol) {
                currency = code.to_string();
                s = s.replace(symbol, "");
            }
        }
        // An ISO code before or after the number.
        let letters: String = s.chars().filter(|c| c.is_ascii_alphabetic()).collect();
        let (body, multiplier) = match letters.to_ascii_uppercase().as_str() {
            "" => (s.clone(), 1i128),
            "K" => (s.replace(['k', 'K'], ""), 1_000),
            "M" | "MM" => (s.replace(['m', 'M'], ""), 1_000_000),
            "B" | "BN" => (s.replace(['b', 'B', 'n', 'N'], ""), 1_000_000_000),
            code if code.len() == 3 => {
                currency = code.to_string();
                (s.chars().filter(|c| !c.is_ascii_alphabetic()).collect(), 1)
            }
            _ => return Err(MoneyError::NotAnAmount(original.to_string())),
        };
        let body: String = body
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\'' && *c != '_')
            .collect();
        let (negative, body) = match body.strip_prefix('-') {
            Some(rest) => (true, rest.to_string()),
            None => match body.strip_prefix('(').and_then(|b| b.strip_suffix(')')) {
                Some(rest) => (true, rest.to_string()),
                None => (false, body),
            },
        };
        if negative {
            return Err(MoneyError::Negative(original.to_string()));
        }
        let (int_part, frac_part) =
            split_decimal(&body).ok_or_else(|| MoneyError::NotAnAmount(original.to_string()))?;
        if int_part.is_empty() && frac_part.is_empty() {
            return Err(MoneyError::NotAnAmount(original.to_string()));
        }
        if !int_part.chars().all(|c| c.is_ascii_digit())
            || !frac_part.chars().all(|c| c.is_ascii_digit())
        {
            return Err(MoneyError::NotAnAmount(original.to_string()));
        }
        let digits = minor_digits(&currency);
        // Work in i128 with the fraction scaled to the currency's digits times the multiplier.
        let too_large = || MoneyError::TooLarge(original.to_string());
        let int_value: i128 = if int_part.is_empty() {
            0
        } else {
            int_part.parse().map_err(|_| too_large())?
        };
        let frac_len = frac_part.len() as u32;
        let frac_value: i128 = if frac_part.is_empty() {
            0
        } else {
            frac_part.parse().map_err(|_| too_large())?
        };
        let scale = 10i128.pow(digits);
        let frac_scale = 10i128.checked_pow(frac_len).ok_or_else(too_large)?;
        // minor = (int + frac / 10^frac_len) * multiplier * 10^digits
        let numerator = (int_value.checked_mul(frac_scale).ok_or_else(too_large)? + frac_value)
            .checked_mul(multiplier)
            .and_then(|v| v.checked_mul(scale))
            .ok_or_else(too_large)?;
        if numerator % frac_scale != 0 {
            return Err(MoneyError::TooPrecise(
                original.to_string(),
                currency,
                digits,
            ));
        }
        let minor = i64::try_from(numerator / frac_scale).map_err(|_| too_large())?;
        Ok(Money { minor, currency })
    }
}

/// Splits `1,250,000.00` / `1.250.000,00` / `1250000` into integer and fraction digits.
fn split_decimal(body: &str) -> Option<(String, String)> {
    let last_dot = body.rfind('.');
    let last_comma = body.rfind(',');
    let decimal_at = match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(d.max(c)),
        (Some(d), None) => {
            // Several dots are thousands separators (1.250.000); one dot is a decimal point.
            if body.matches('.').count() > 1 {
                None
            } else {
                Some(d)
            }
        }
        (None, Some(c)) => {
            // 1,250,000 groups by three; 12,5 is a decimal comma.
            let after = &body[c + 1..];
            if body.matches(',').count() == 1 && after.len() != 3 {
                Some(c)
            } else {
                None
            }
        }
        (None, None) => None,
    };
    let (int_raw, frac) = match decimal_at {
        Some(i) => (&body[..i], body[i + 1..].to_string()),
        None => (body, String::new()),
    };
    let separator = match decimal_at.map(|i| &body[i..=i]) {
        Some(".") => ',',
        Some(_) => '.',
        None => {
            if int_raw.contains(',') {
                ','
            } else {
                '.'
            }
        }
    };
    // Thousands groups must be of three digits, or the text is not an amount we trust.
    let groups: Vec<&str> = int_raw.split(separator).collect();
    if groups.len() > 1 && groups.iter().skip(1).any(|g| g.len() != 3) {
        return None;
    }
    if frac.contains(['.', ',']) {
        return None;
    }
    Some((groups.concat(), frac))
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.currency, self.major_decimal())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_amounts_crms_export() {
        let cases: &[(&str, i64, &str)] = &[
            ("1250000", 125_000_000, "USD"),
            ("1,250,000.00", 125_000_000, "USD"),
            ("$1,250,000.00", 125_000_000, "USD"),
            ("US$ 1,250,000", 125_000_000, "USD"),
            ("1.250.000,00 €", 125_000_000, "EUR"),
            ("£920,000", 92_000_000, "GBP"),
            ("EUR 850000", 85_000_000, "EUR"),
            ("850000 eur", 85_000_000, "EUR"),
            ("1.25M", 125_000_000, "USD"),
            ("850k", 85_000_000, "USD"),
            ("12,5", 1_250, "USD"),
            ("0.5", 50, "USD"),
            ("¥1,000,000", 1_000_000, "JPY"),
            (" 42 ", 4_200, "USD"),
        ];
        for (text, minor, currency) in cases {
            let m = Money::parse(text, "usd").unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(
                (m.minor, m.currency.as_str()),
                (*minor, *currency),
                "{text}"
            );
        }
    }

    #[test]
    fn rejects_what_is_not_an_amount() {
        for text in [
            "",
            "abc",
            "1,25,0",
            "12.5.6,7,8",
            "1.2.3",
            "-5",
            "(100)",
            "1.234",
            "9999999999999999999",
        ] {
            assert!(Money::parse(text, "USD").is_err(), "{text} should fail");
        }
    }

    #[test]
    fn major_decimal_round_trips_through_parse() {
        for (minor, cur) in [
            (0, "USD"),
            (5, "USD"),
            (125_000_000, "EUR"),
            (1_000_000, "JPY"),
            (1234, "KWD"),
        ] {
            let m = Money::new(minor, cur);
            let back = Money::parse(&m.major_decimal(), cur).expect("parses");
            assert_eq!(back, m);
        }
    }

    #[test]
    fn compact_form_for_tables() {
        assert_eq!(Money::new(126_000_000, "USD").compact(), "USD 1.3M");
        assert_eq!(Money::new(85_000_000, "EUR").compact(), "EUR 850k");
        assert_eq!(Money::new(92_000, "GBP").compact(), "GBP 920");
    }
}
