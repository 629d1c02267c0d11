//! CPR numbers: parsing, validity classes and masking.
//!
//! A [`Cpr`] never prints its full number through `Debug` or `Display`: both show the masked form
//! `DDMMYY-xxxx`, so a CPR that slips into a log line, an error or a panic message stays masked.
//! The full number is only available through [`Cpr::full`], which callers use on an explicit
//! choice (`--show-cpr`, the UI's reveal key).

use std::borrow::Cow;
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

/// The zero of every block of Unicode decimal digits (general category Nd, Unicode 15): each
/// block is the ten digits 0–9 in a row.
const DIGIT_ZEROS: [u32; 68] = [
    0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
    0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x11F50, 0x16A60,
    0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0,
    0x1E950, 0x1FBF0,
];

/// The value of a decimal digit of any script: ASCII `0`–`9`, full-width `０`–`９`
/// (U+FF10–FF19), Arabic-Indic, Devanagari, … (every Unicode decimal digit).
pub fn digit_value(c: char) -> Option<u8> {
    if c.is_ascii() {
        return c.is_ascii_digit().then(|| c as u8 - b'0');
    }
    let u = u32::from(c);
    let zero = match DIGIT_ZEROS.binary_search(&u) {
        Ok(i) => DIGIT_ZEROS[i],
        Err(0) => return None,
        Err(i) => DIGIT_ZEROS[i - 1],
    };
    (u - zero < 10).then(|| (u - zero) as u8)
}

/// What may stand between a CPR's date part and its serial number: a hyphen or a space of any
/// kind (hyphen-minus, the Unicode hyphens and dashes, the minus sign, full-width and small
/// hyphen-minus; space, no-break space, narrow no-break space and the other spaces).
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '-'
            | '\u{a0}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2010}'..='\u{2015}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{2212}'
            | '\u{3000}'
            | '\u{fe58}'
            | '\u{fe63}'
            | '\u{ff0d}'
    )
}

/// A run of text that looks like a CPR number, found by [`find_cpr_like`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CprLike {
    /// Byte range of the run in the text (its first digit to its last).
    pub start: usize,
    pub end: usize,
    /// The ten digits as ASCII, a nine-digit run padded with a leading zero.
    pub digits: [u8; 10],
}

impl CprLike {
    /// `DDMMYY-xxxx` in ASCII digits, whatever digits and separator the text used.
    pub fn masked(&self) -> String {
        let date = std::str::from_utf8(&self.digits[..6]).unwrap_or("000000");
        format!("{date}-xxxx")
    }
}

/// Whether ten digits start like a CPR number: a day 01–31 (61–91 for a replacement number)
/// and a month 01–12. Loose on purpose (31 February passes): a mistyped CPR is still a CPR.
fn date_like(d: &[u8; 10]) -> bool {
    let n = |i: usize| u32::from(d[i] - b'0');
    let mut day = n(0) * 10 + n(1);
    if day > 60 {
        day -= 60;
    }
    let month = n(2) * 10 + n(3);
    (1..=31).contains(&day) && (1..=12).contains(&month)
}

/// Every run of `text` that looks like a CPR number. The one finder behind every mask.
///
/// The rule: a run of decimal digits of any script (see [`digit_value`]) that no other digit
/// touches, and that is
/// - ten digits in a row (`DDMMYYSSSS`), or nine (a number that lost its leading zero), or
/// - six digits, one separator, four digits (`DDMMYY-SSSS`, `DDMMYY SSSS`, and the same with an
///   en dash, em dash, minus sign, no-break or narrow no-break space, …; see [`is_separator`]),
///
/// whose first four digits are a plausible day and month (day 01–31 or 61–91, month 01–12).
/// Control and invisible format characters inside a run ([`crate::text::is_unsafe`]: a
/// zero-width space, a bidi mark, a line break) do not break it. So `2026-03-31` (no six
/// digits in a row), `12345678` (eight) and `1234567890` (no month 34) are not CPR-like, while
/// an ID of ten digits that starts with a date is masked: safety first.
pub fn find_cpr_like(text: &str) -> Vec<CprLike> {
    #[derive(Clone, Copy, PartialEq)]
    enum Kind {
        Digit(u8),
        Separator,
        Other,
    }
    let mut found = Vec::new();
    // The quick way out (most cells of an action sheet): fewer than nine digits in all.
    let digits = if text.is_ascii() {
        text.bytes().filter(u8::is_ascii_digit).count()
    } else {
        text.chars().filter(|&c| digit_value(c).is_some()).count()
    };
    if digits < 9 {
        return found;
    }
    // The text's characters but the invisible ones, with their byte ranges.
    let tokens: Vec<(usize, usize, Kind)> = text
        .char_indices()
        .filter(|(_, c)| !crate::text::is_unsafe(*c))
        .map(|(i, c)| {
            let kind = match digit_value(c) {
                Some(v) => Kind::Digit(v),
                None if is_separator(c) => Kind::Separator,
                None => Kind::Other,
            };
            (i, i + c.len_utf8(), kind)
        })
        .collect();
    let is_digit = |k: usize| tokens.get(k).is_some_and(|t| matches!(t.2, Kind::Digit(_)));
    let run_end = |from: usize| {
        (from..tokens.len())
            .find(|&k| !is_digit(k))
            .unwrap_or(tokens.len())
    };
    let mut i = 0;
    while i < tokens.len() {
        if !is_digit(i) || (i > 0 && is_digit(i - 1)) {
            i += 1;
            continue;
        }
        let end1 = run_end(i);
        let mut run: Option<(usize, Vec<usize>)> = match end1 - i {
            9 | 10 => Some((end1, (i..end1).collect())),
            6 if tokens.get(end1).is_some_and(|t| t.2 == Kind::Separator) => {
                let end2 = run_end(end1 + 1);
                (end2 - (end1 + 1) == 4).then(|| (end2, (i..end1).chain(end1 + 1..end2).collect()))
            }
            _ => None,
        };
        if let Some((end, at)) = run.take() {
            let mut digits = [b'0'; 10];
            let pad = 10 - at.len();
            for (n, &k) in at.iter().enumerate() {
                if let Kind::Digit(v) = tokens[k].2 {
                    digits[pad + n] = b'0' + v;
                }
            }
            if date_like(&digits) {
                found.push(CprLike {
                    start: tokens[i].0,
                    end: tokens[end - 1].1,
                    digits,
                });
                i = end;
                continue;
            }
        }
        i = end1;
    }
    found
}

/// `text` with every CPR-like run ([`find_cpr_like`]) masked as `DDMMYY-xxxx`; borrowed when
/// there is none.
pub fn mask_cpr_like(text: &str) -> Cow<'_, str> {
    let found = find_cpr_like(text);
    if found.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for f in found {
        out.push_str(&text[at..f.start]);
        out.push_str(&f.masked());
        at = f.end;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

/// Masks every run of text that looks like a CPR number ([`find_cpr_like`]) as `DDMMYY-xxxx`:
/// for free text, names, IDs, sheet and file names, and anything echoed from an input, so a CPR
/// typed into the wrong column never leaks.
pub fn mask_in_text(text: &str) -> String {
    mask_cpr_like(text).into_owned()
}

/// A value that is meant to be a CPR number (a CPR column, as a list or a plan holds it),
/// masked: `DDMMYY-xxxx` when it reads as one (in any digits, with any separator
/// [`find_cpr_like`] knows); otherwise every digit after the sixth as `x`, so no part of a
/// mistyped number leaks.
pub fn mask_cpr_value(text: &str) -> String {
    let normal: String = text
        .trim()
        .chars()
        .filter(|c| !crate::text::is_unsafe(*c))
        .map(|c| match digit_value(c) {
            Some(v) => char::from(b'0' + v),
            None if is_separator(c) => '-',
            None => c,
        })
        .collect();
    if let Ok((cpr, _)) = Cpr::parse(&normal) {
        return cpr.masked();
    }
    let mut digits = 0;
    text.chars()
        .map(|c| {
            if digit_value(c).is_some() {
                digits += 1;
                if digits > 6 { 'x' } else { c }
            } else {
                c
            }
        })
        .collect()
}

/// Whether `shown` (a value read back from a plan, masked or not) is what `original` (the
/// plan's own value) shows as: the same, or its masked form.
pub fn shows_as(shown: &str, original: &str) -> bool {
    shown == original || mask_cpr_like(original) == shown
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
        assert_eq!(mask_in_text("0101902000"), "010190-xxxx");
        assert_eq!(mask_in_text("101902000"), "010190-xxxx");
        assert_eq!(mask_in_text("01-03-2025"), "01-03-2025");
        assert_eq!(mask_in_text("Tilbud 12"), "Tilbud 12");
    }

    /// Every form the finder knows, alone and inside text (all numbers fictitious).
    #[test]
    fn the_finder_finds_every_form() {
        let forms = [
            "010190-2000",
            "0101902000",
            "010190 2000",
            "010190\u{2013}2000", // en dash
            "010190\u{2014}2000", // em dash
            "010190\u{2212}2000", // minus sign
            "010190\u{a0}2000",   // no-break space
            "010190\u{202f}2000", // narrow no-break space
            "010190\u{2010}2000", // hyphen
            "010190\u{ff0d}2000", // full-width hyphen-minus
            "\u{ff10}\u{ff11}\u{ff10}\u{ff11}\u{ff19}\u{ff10}-\u{ff12}\u{ff10}\u{ff10}\u{ff10}", // full-width
            "\u{ff10}\u{ff11}\u{ff10}\u{ff11}\u{ff19}\u{ff10}\u{ff12}\u{ff10}\u{ff10}\u{ff10}",
            "\u{660}\u{661}\u{660}\u{661}\u{669}\u{660}\u{662}\u{660}\u{660}\u{660}", // Arabic-Indic
            "\u{966}\u{967}\u{966}\u{967}\u{96f}\u{966}-\u{968}\u{966}\u{966}\u{966}", // Devanagari
            "0101\u{200b}902000",  // a zero-width space inside
            "010190\u{202e}-2000", // a bidi override inside
            "010190\n2000",        // a line break inside
            "101902000",           // lost its leading zero
            "610190-2000",         // a replacement number
            "310290-2000",         // 31 February: mistyped, still a CPR
        ];
        for form in forms {
            for (text, want) in [
                (form.to_string(), "010190-xxxx".to_string()),
                (
                    format!("Navn ({form}), tlf 12"),
                    "Navn (010190-xxxx), tlf 12".into(),
                ),
                (format!("ID{form}"), "ID010190-xxxx".into()),
            ] {
                let found = find_cpr_like(&text);
                assert_eq!(found.len(), 1, "{text:?}");
                let want = want.replace(
                    "010190",
                    std::str::from_utf8(&found[0].digits[..6]).unwrap(),
                );
                assert_eq!(mask_in_text(&text), want, "{text:?}");
            }
        }
        assert_eq!(mask_in_text("610190-2000"), "610190-xxxx");
        assert_eq!(
            mask_in_text("a 010190-2000 b 020190 3000"),
            "a 010190-xxxx b 020190-xxxx"
        );
    }

    #[test]
    fn the_finder_leaves_what_is_clearly_not_a_cpr() {
        for text in [
            "2026-03-31",
            "31-03-2026",
            "31.03.2026 10:15",
            "12345678",      // eight digits
            "1234567890",    // no month 34
            "0113902000",    // no month 13
            "3201902000",    // no day 32
            "01019020001",   // eleven digits
            "9010190-2000",  // seven before the hyphen
            "010190-20001",  // five after it
            "010190 - 2000", // two separators
            "010190--2000",
            "Tilbud 12, ydelse 3",
            "010190-xxxx", // masked already
            "\u{ff11}\u{ff12}\u{ff13}\u{ff14}\u{ff15}\u{ff16}\u{ff17}\u{ff18}\u{ff19}\u{ff10}",
        ] {
            assert_eq!(find_cpr_like(text), vec![], "{text:?}");
            assert!(matches!(mask_cpr_like(text), Cow::Borrowed(_)), "{text:?}");
        }
    }

    #[test]
    fn every_decimal_digit_block_is_ten_digits() {
        for zero in DIGIT_ZEROS {
            for v in 0..10u8 {
                let c = char::from_u32(zero + u32::from(v)).unwrap();
                assert!(c.is_numeric(), "{:x}", zero + u32::from(v));
                assert_eq!(digit_value(c), Some(v));
            }
        }
        assert!(DIGIT_ZEROS.windows(2).all(|w| w[0] + 10 <= w[1]));
        for c in ['a', '½', '²', 'Ⅻ', '-', '\u{ff1a}', '\u{2f}'] {
            assert_eq!(digit_value(c), None, "{c}");
        }
    }

    #[test]
    fn a_cpr_value_is_masked_whatever_it_holds() {
        assert_eq!(mask_cpr_value("010190-2000"), "010190-xxxx");
        assert_eq!(mask_cpr_value(" 010190\u{2013}2000 "), "010190-xxxx");
        assert_eq!(
            mask_cpr_value(
                "\u{ff10}\u{ff11}\u{ff10}\u{ff11}\u{ff19}\u{ff10}\u{ff12}\u{ff10}\u{ff10}\u{ff10}"
            ),
            "010190-xxxx"
        );
        assert_eq!(mask_cpr_value("320190-2000"), "320190-xxxx");
        assert_eq!(mask_cpr_value("32019020"), "320190xx");
        assert_eq!(mask_cpr_value("010190-xxxx"), "010190-xxxx");
        assert_eq!(mask_cpr_value("1234567890123"), "123456xxxxxxx");
    }

    #[test]
    fn a_value_read_back_shows_as_the_original_or_its_mask() {
        assert!(shows_as("A-17", "A-17"));
        assert!(shows_as("ID010190-xxxx", "ID0101902000"));
        assert!(!shows_as("ID010190-xxxx", "ID0201902000"));
    }
}
