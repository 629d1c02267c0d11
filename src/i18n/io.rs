//! Why a read or a write failed, in the user's words: the operating system's own text is
//! English whatever the language chosen, so the common causes are worded here and the rest
//! keep the system's name for them.

use std::io::ErrorKind;

use crate::lang::Lang;

/// The cause of an I/O failure in `lang`: the kind worded, or the system's name for it.
pub fn cause(kind: ErrorKind, lang: Lang) -> String {
    worded(kind, lang).unwrap_or_else(|| kind.to_string())
}

/// The cause of an I/O error in `lang`: its kind worded, or else the system's own text (on one
/// line, anything CPR-like masked: a path in it may hold one).
pub fn cause_of(e: &std::io::Error, lang: Lang) -> String {
    worded(e.kind(), lang).unwrap_or_else(|| {
        crate::domain::cpr::mask_in_text(&e.to_string())
            .split(['\n', '\r'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    })
}

fn worded(kind: ErrorKind, lang: Lang) -> Option<String> {
    let p = |da: &'static str, en: &'static str| Some(lang.pick(da, en).to_string());
    match kind {
        ErrorKind::StorageFull => p("disken er fuld", "the disk is full"),
        ErrorKind::QuotaExceeded => p("pladsen er brugt op (kvote)", "the disk quota is used up"),
        ErrorKind::PermissionDenied => p("ingen adgang", "no access"),
        ErrorKind::ReadOnlyFilesystem => p("drevet er skrivebeskyttet", "the drive is read-only"),
        ErrorKind::NotFound => p("findes ikke", "does not exist"),
        ErrorKind::IsADirectory => p("er en mappe", "is a folder"),
        ErrorKind::BrokenPipe => p("modtageren er lukket", "the receiver has closed"),
        ErrorKind::FileTooLarge => p("filen er for stor", "the file is too large"),
        ErrorKind::ResourceBusy => p("filen er i brug", "the file is in use"),
        ErrorKind::TimedOut => p("tiden løb ud", "it timed out"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_causes_are_worded_in_both_languages() {
        assert_eq!(cause(ErrorKind::StorageFull, Lang::Da), "disken er fuld");
        assert_eq!(cause(ErrorKind::StorageFull, Lang::En), "the disk is full");
        // The rest keep the system's name, or its text.
        assert_eq!(
            cause(ErrorKind::Interrupted, Lang::Da),
            ErrorKind::Interrupted.to_string()
        );
        let e = std::io::Error::other("disk 010190-2000 offline\nretry");
        assert_eq!(cause_of(&e, Lang::Da), "disk 010190-xxxx offline retry");
        let full = std::io::Error::from(ErrorKind::StorageFull);
        assert_eq!(cause_of(&full, Lang::Da), "disken er fuld");
    }
}
