//! Text from a file or an argument on its way to a terminal or an e-mail: the one sanitiser.
//!
//! A list, a plan, a file name or a sheet name can hold characters a terminal acts on instead
//! of showing: ESC and the other C0 controls (cursor moves, line erases, colours, titles), DEL,
//! the C1 controls U+0080–U+009F, the bidi overrides and isolates (U+202A–U+202E,
//! U+2066–U+2069, the marks U+200E/U+200F/U+061C) that reorder what follows, the line and
//! paragraph separators U+2028/U+2029, and the other invisible format characters (Unicode's
//! category Cf: zero-width space and joiners, the BOM, the soft hyphen, tags, …). Each of them
//! is shown as a visible escape, its code point in hex: ESC as `\u{1b}`, a right-to-left
//! override as `\u{202e}`. Nothing is dropped, so a person sees that the text held something.
//!
//! [`one_line`] is for a value shown on one line (a finding, a summary line, an e-mail header):
//! a line break is escaped too (`\u{a}`, `\u{d}`). [`lines`] is for a text of several lines
//! (a report, the e-mail's body): `\n` and a tab stay, everything else as in `one_line`.
//! [`for_terminal`] also masks anything CPR-like ([`crate::domain::cpr::mask_in_text`]) unless
//! full CPR was asked for: it is what every command prints its lines through.
//!
//! A backslash of the text itself is left as it is: a value that holds the six characters
//! `\u{1b}` looks like an escaped ESC, and is as harmless.

use std::borrow::Cow;
use std::io::{self, Write};

/// The invisible format characters (Unicode general category Cf) and the line and paragraph
/// separators (Zl, Zp), as inclusive ranges.
const FORMAT: &[(u32, u32)] = &[
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x2028, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
];

/// Whether a terminal could act on `c` instead of showing it, or would show nothing for it: a
/// control character (C0, DEL, C1; line breaks and tabs included) or an invisible format
/// character (bidi controls, zero-width characters, …).
pub fn is_unsafe(c: char) -> bool {
    if c.is_control() {
        return true;
    }
    let u = u32::from(c);
    u >= 0xAD
        && FORMAT
            .binary_search_by(|&(lo, hi)| {
                if hi < u {
                    std::cmp::Ordering::Less
                } else if lo > u {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
}

fn escape(s: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe(c) && !keep(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) && !keep(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `s` for one line: every control and invisible format character, line breaks included, as a
/// visible escape (`\u{1b}`).
pub fn one_line(s: &str) -> Cow<'_, str> {
    escape(s, |_| false)
}

/// `s` as lines: `\n` and tabs kept, every other control and invisible format character (a
/// carriage return included) as a visible escape.
pub fn lines(s: &str) -> Cow<'_, str> {
    escape(s, |c| c == '\n' || c == '\t')
}

/// Whether `s` holds anything [`one_line`] would escape.
pub fn has_unsafe(s: &str) -> bool {
    s.chars().any(is_unsafe)
}

/// A line for the terminal: anything CPR-like masked unless `show_cpr`, then [`one_line`].
pub fn for_terminal(s: &str, show_cpr: bool) -> String {
    if show_cpr {
        one_line(s).into_owned()
    } else {
        one_line(&crate::domain::cpr::mask_in_text(s)).into_owned()
    }
}

/// Writes `line` through [`for_terminal`], then a newline.
pub fn write_line(w: &mut dyn Write, line: &str, show_cpr: bool) -> io::Result<()> {
    let mut s = for_terminal(line, show_cpr);
    s.push('\n');
    w.write_all(s.as_bytes())
}

/// Writes a text of several lines: anything CPR-like masked (always), then [`lines`].
pub fn write_lines(w: &mut dyn Write, text: &str) -> io::Result<()> {
    w.write_all(lines(&crate::domain::cpr::mask_in_text(text)).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_format_characters_become_visible_escapes() {
        assert_eq!(one_line("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(one_line("x\ry\nz\tw"), "x\\u{d}y\\u{a}z\\u{9}w");
        assert_eq!(one_line("\u{7f}\u{85}\u{9b}"), "\\u{7f}\\u{85}\\u{9b}");
        for bidi in [
            '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{200f}', '\u{61c}',
        ] {
            assert_eq!(
                one_line(&format!("a{bidi}b")),
                format!("a\\u{{{:x}}}b", bidi as u32)
            );
        }
        for invisible in [
            '\u{200b}',
            '\u{feff}',
            '\u{2028}',
            '\u{2029}',
            '\u{e0041}',
            '\u{ad}',
        ] {
            assert!(is_unsafe(invisible), "{:x}", invisible as u32);
        }
    }

    #[test]
    fn ordinary_text_is_left_alone_and_not_copied() {
        for s in ["Søren Ærø", "Tilbud «Nord» – 12", "日本語", "", "a\\u{1b}"] {
            assert!(matches!(one_line(s), Cow::Borrowed(_)), "{s}");
        }
        // The separators a CPR may be written with are shown as they are.
        assert!(!has_unsafe(
            "010190\u{a0}xxxx 010190\u{202f}xxxx 010190\u{2013}xxxx"
        ));
    }

    #[test]
    fn lines_keep_their_line_breaks_but_not_a_carriage_return() {
        assert_eq!(lines("a\nb\tc\r\n\u{1b}"), "a\nb\tc\\u{d}\n\\u{1b}");
    }

    #[test]
    fn the_terminal_gets_cpr_masked_unless_asked_for() {
        assert_eq!(
            for_terminal("\u{1b}]0;x\u{7} 010190-2000", false),
            "\\u{1b}]0;x\\u{7} 010190-xxxx"
        );
        assert_eq!(for_terminal("010190-2000\n", true), "010190-2000\\u{a}");
    }
}
