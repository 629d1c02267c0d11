//! CPR numbers: parsing, validity classes and masking.
//!
//! A [`Cpr`] never prints its full number through `Debug` or `Display`: both show the masked form
//! `DDMMYY-xxxx`, so a CPR that slips into a log line, an error or a panic message stays masked.
//! The full number is only available through [`Cpr::full`], which callers use on an explicit
//! choice (`--show-cpr`, the UI's reveal key).

use std::fmt;

/// A normalised CPR number: exactly ten ASCII digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Cpr([u8; 10]);

/// How far a parsed CPR number can be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CprClass {
    /// A valid date part and a passing modulus-11 check.
    Valid,
    /// A valid date part, but the modulus-11 check fails. Since 2007 such numbers are issued, so
    /// this is a warning, never a rejection.
    Mod11Failed,
    /// A replacement number (erstatningspersonnummer): 6 is added to the first day digit.
    Replacement,
}

/// Why a value could not be read as a CPR number. Carries no digits of the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CprError {
    #[error("CPR is empty")]
    Empty,
    #[error("CPR must have 10 digits")]
    WrongLength,
    #[error("CPR holds characters other than digits and one hyphen")]
    NotDigits,
    #[error("CPR does not start with a valid date")]
    InvalidDate,
}

impl Cpr {
    /// Parses CPR text: `DDMMYY-SSSS`, `DDMMYYSSSS`, surrounding whitespace allowed; a 9-digit
    /// value is a number that lost its leading zero and is padded.
    pub fn parse(text: &str) -> Result<(Cpr, CprClass), CprError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(CprError::Empty);
        }
        // One separator (hyphen or space) is allowed, and only right after the date part.
        let bytes = t.as_bytes();
        let mut digits = [0u8; 10];
        let mut n = 0usize;
        let mut separated = false;
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                b'0'..=b'9' => {
                    if n == 10 {
                        return Err(CprError::WrongLength);
                    }
                    digits[n] = b;
                    n += 1;
                }
                b'-' | b' ' if i == 6 && n == 6 && !separated => separated = true,
                b'-' | b' ' if n < 10 && bytes[..i].iter().all(u8::is_ascii_digit) => {
                    return Err(CprError::WrongLength);
                }
                _ => return Err(CprError::NotDigits),
            }
        }
        let hyphens = usize::from(separated);
        let cpr = match n {
            10 => Cpr(digits),
            9 if hyphens == 0 => {
                let mut padded = [b'0'; 10];
                padded[1..].copy_from_slice(&digits[..9]);
                Cpr(padded)
            }
            _ => return Err(CprError::WrongLength),
        };
        let class = cpr.classify()?;
        Ok((cpr, class))
    }

    /// Parses a number cell (Excel stores a CPR typed without hyphen as a number and drops the
    /// leading zero).
    pub fn from_number(value: f64) -> Result<(Cpr, CprClass), CprError> {
        if !value.is_finite() || value < 0.0 || value.fract() != 0.0 || value >= 1e10 {
            return Err(CprError::NotDigits);
        }
        Cpr::parse(&format!("{:010}", value as u64))
    }

    fn d(&self, i: usize) -> u32 {
        u32::from(self.0[i] - b'0')
    }

    fn classify(&self) -> Result<CprClass, CprError> {
        let mut day = self.d(0) * 10 + self.d(1);
        let replacement = day > 60;
        if replacement {
            day -= 60;
        }
        if self.birth_date_with_day(day).is_none() {
            return Err(CprError::InvalidDate);
        }
        if replacement {
            return Ok(CprClass::Replacement);
        }
        const WEIGHTS: [u32; 10] = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
        let sum: u32 = (0..10).map(|i| self.d(i) * WEIGHTS[i]).sum();
        Ok(if sum.is_multiple_of(11) {
            CprClass::Valid
        } else {
            CprClass::Mod11Failed
        })
    }

    /// The birth date the number encodes (the century from the 7th digit), if any.
    pub fn birth_date(&self) -> Option<chrono::NaiveDate> {
        let mut day = self.d(0) * 10 + self.d(1);
        if day > 60 {
            day -= 60;
        }
        self.birth_date_with_day(day)
    }

    fn birth_date_with_day(&self, day: u32) -> Option<chrono::NaiveDate> {
        let month = self.d(2) * 10 + self.d(3);
        let yy = (self.d(4) * 10 + self.d(5)) as i32;
        let century = match self.d(6) {
            0..=3 => 1900,
            4 | 9 => {
                if yy <= 36 {
                    2000
                } else {
                    1900
                }
            }
            _ => {
                if yy <= 57 {
                    2000
                } else {
                    1800
                }
            }
        };
        chrono::NaiveDate::from_ymd_opt(century + yy, month, day)
    }

    /// `DDMMYY-xxxx`: the form shown on screen and in exports by default.
    pub fn masked(&self) -> String {
        let s = self.digits();
        format!("{}-xxxx", &s[..6])
    }

    /// `DDMMYY-SSSS`: only on an explicit choice to show full CPR.
    pub fn full(&self) -> String {
        let s = self.digits();
        format!("{}-{}", &s[..6], &s[6..])
    }

    /// The ten digits without hyphen: a stable key (state files, decisions). Not for display.
    pub fn digits(&self) -> &str {
        // The array only ever holds ASCII digits.
        std::str::from_utf8(&self.0).unwrap_or("0000000000")
    }

    /// The masked form, or the full one when `show_full` is set.
    pub fn display(&self, show_full: bool) -> String {
        if show_full {
            self.full()
        } else {
            self.masked()
        }
    }
}

/// Stored as its ten digits (the progress store keeps the citizens of earlier lists, as the list
/// itself holds them); read back only if they are ten digits again.
impl serde::Serialize for Cpr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.digits())
    }
}

impl<'de> serde::Deserialize<'de> for Cpr {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Cpr, D::Error> {
        let text = String::deserialize(d)?;
        let bytes: [u8; 10] = text
            .as_bytes()
            .try_into()
            .ok()
            .filter(|b: &[u8; 10]| b.iter().all(u8::is_ascii_digit))
            .ok_or_else(|| serde::de::Error::custom("not ten CPR digits"))?;
        Ok(Cpr(bytes))
    }
}

impl fmt::Debug for Cpr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Cpr({})", self.masked())
    }
}

impl fmt::Display for Cpr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

/// Masks every run of text that looks like a CPR number (`DDMMYY-SSSS` or ten digits) in free
/// text, for echoing input cells (rejected rows) without leaking a CPR typed into the wrong
/// column.
pub fn mask_in_text(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit()) {
            let mut j = i;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            let run = j - i;
            if run == 6
                && chars.len() >= j + 5
                && chars[j] == '-'
                && chars[j + 1..].iter().take(4).all(|c| c.is_ascii_digit())
                && chars.get(j + 5).is_none_or(|c| !c.is_ascii_digit())
            {
                out.extend(&chars[i..j]);
                out.push_str("-xxxx");
                i = j + 5;
                continue;
            }
            if run == 10 || run == 9 {
                let keep = run - 4;
                out.extend(&chars[i..i + keep]);
                out.push_str("xxxx");
                i = j;
                continue;
            }
            out.extend(&chars[i..j]);
            i = j;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // All numbers below are fictitious.
    #[test]
    fn parses_with_and_without_hyphen() {
        let (a, _) = Cpr::parse("010190-2000").unwrap();
        let (b, _) = Cpr::parse("0101902000").unwrap();
        assert_eq!(a, b);
        assert_eq!(a.full(), "010190-2000");
        assert_eq!(a.masked(), "010190-xxxx");
    }

    #[test]
    fn pads_a_number_that_lost_its_leading_zero() {
        let (a, _) = Cpr::from_number(101902000.0).unwrap();
        assert_eq!(a.full(), "010190-2000");
        let (b, _) = Cpr::parse("101902000").unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn mod11_classes() {
        // 0101902000: 4*0+3*1+2*0+7*1+6*9+5*0+4*2+0+0+0 = 3+7+54+8 = 72, 72 % 11 != 0
        assert_eq!(Cpr::parse("0101902000").unwrap().1, CprClass::Mod11Failed);
        let passing = (0..10000)
            .map(|s| format!("010190{s:04}"))
            .find(|t| Cpr::parse(t).unwrap().1 == CprClass::Valid)
            .unwrap();
        assert_eq!(Cpr::parse(&passing).unwrap().1, CprClass::Valid);
    }

    #[test]
    fn replacement_numbers_are_a_warning_class() {
        assert_eq!(Cpr::parse("610190-2000").unwrap().1, CprClass::Replacement);
        assert_eq!(
            Cpr::parse("610190-2000").unwrap().0.birth_date(),
            chrono::NaiveDate::from_ymd_opt(1990, 1, 1)
        );
    }

    #[test]
    fn invalid_values_are_errors() {
        assert_eq!(Cpr::parse(""), Err(CprError::Empty));
        assert_eq!(Cpr::parse("12345"), Err(CprError::WrongLength));
        assert_eq!(Cpr::parse("0101AB-2000"), Err(CprError::NotDigits));
        assert_eq!(Cpr::parse("320190-2000"), Err(CprError::InvalidDate));
        assert_eq!(Cpr::parse("011390-2000"), Err(CprError::InvalidDate));
        assert_eq!(Cpr::parse("01019-02000"), Err(CprError::WrongLength));
        assert_eq!(Cpr::from_number(1.5), Err(CprError::NotDigits));
    }

    #[test]
    fn century_from_seventh_digit() {
        let bd = |t: &str| Cpr::parse(t).unwrap().0.birth_date().unwrap();
        assert_eq!(bd("010105-4000").to_string(), "2005-01-01");
        assert_eq!(bd("010150-4000").to_string(), "1950-01-01");
        assert_eq!(bd("010110-5000").to_string(), "2010-01-01");
        assert_eq!(bd("010170-5000").to_string(), "1870-01-01");
        assert_eq!(bd("010170-3000").to_string(), "1970-01-01");
        // 29-02 exists only in leap years.
        assert!(Cpr::parse("290200-4000").is_ok());
        assert_eq!(Cpr::parse("290201-4000"), Err(CprError::InvalidDate));
    }

    #[test]
    fn debug_and_display_never_show_the_full_number() {
        let (a, _) = Cpr::parse("010190-2000").unwrap();
        assert_eq!(format!("{a:?}"), "Cpr(010190-xxxx)");
        assert_eq!(format!("{a}"), "010190-xxxx");
    }

    #[test]
    fn masks_cpr_like_runs_in_text() {
        assert_eq!(mask_in_text("x 010190-2000 y"), "x 010190-xxxx y");
        assert_eq!(mask_in_text("0101902000"), "010190xxxx");
        assert_eq!(mask_in_text("101902000"), "10190xxxx");
        assert_eq!(mask_in_text("01-03-2025"), "01-03-2025");
        assert_eq!(mask_in_text("Tilbud 12"), "Tilbud 12");
    }
}
