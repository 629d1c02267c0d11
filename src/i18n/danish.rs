//! Finds Danish in a text meant to be English: the check behind the tests that read every text
//! of the product in English. Domain words that stay Danish on purpose are allowed by name.

/// Words that stay Danish in English texts on purpose: the forms, sheet and column names of SMDB
/// and of the action sheet, the close reason and description DST reads, and a few names. Matched
/// without regard to case, also inside longer words ("anmodninger", "indskrivningsdato").
pub const ALLOWED: &[&str] = &[
    "Glemte sager",
    "Anmodning",
    "Iværksættelse",
    "Indskrivning",
    "Udskrivning",
    "Tilbudstilknytning",
    "Ydelse",
    "KvalHep",
    "Behandling",
    "Glemt",
    "Slutdato",
    "Udført",
    "Oversigt",
    "Handlinger",
    "Konflikter",
    "Afviste rækker",
    "Systemskift",
    "Anden",
    "kommune",
    "Ja/Nej",
    "Manuel SMDB",
    "Stofmisbrugsdatabasen",
    "erstatningspersonnummer",
];

/// Common Danish words that English text never has (compared whole, without regard to case).
const DANISH_WORDS: &[&str] = &[
    "ikke", "og", "er", "skal", "række", "rækker", "kolonne", "kolonner", "af", "på", "med", "den",
    "det", "som", "fra", "kan", "mangler", "eller", "ingen", "borger", "borgere", "skema", "trin",
    "efter", "før", "uden", "hverken", "findes", "filen", "arket", "planen", "sager",
];

/// The Danish found in `text` (a letter æøå or a common Danish word), after the allowed words
/// (with any ending: "anmodninger") and quoted names and values ('Noter', "Trin") are taken out;
/// empty when there is none.
pub fn danish_in(text: &str) -> Vec<String> {
    let mut rest = without_quoted(text);
    for word in ALLOWED {
        rest = remove_ignoring_case(&rest, word);
    }
    let mut found = Vec::new();
    if let Some(c) = rest.chars().find(|c| "æøåÆØÅ".contains(*c)) {
        found.push(c.to_string());
    }
    for token in rest.split(|c: char| !c.is_alphanumeric()) {
        let lower = token.to_lowercase();
        if DANISH_WORDS.contains(&lower.as_str()) {
            found.push(token.to_string());
        }
    }
    found
}

fn remove_ignoring_case(text: &str, word: &str) -> String {
    let lower_word: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let matches = chars.len() - i >= lower_word.len()
            && chars[i..i + lower_word.len()]
                .iter()
                .zip(&lower_word)
                .all(|(a, b)| a.to_lowercase().eq(std::iter::once(*b)));
        let starts_word = i == 0 || !chars[i - 1].is_alphanumeric();
        if matches && starts_word {
            out.push(' ');
            i += lower_word.len();
            // The word's ending: a plural, a compound ("anmodningsdato").
            while i < chars.len() && chars[i].is_alphanumeric() {
                i += 1;
            }
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// `text` without its quoted parts: a quote opens at the start or after a character that is not
/// a letter or digit (so "the kommune's" has none) and closes at the next same quote.
fn without_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut open: Option<char> = None;
    let mut prev: Option<char> = None;
    for c in text.chars() {
        match open {
            Some(q) if c == q => open = None,
            Some(_) => {}
            None if (c == '\'' || c == '"') && !prev.is_some_and(char::is_alphanumeric) => {
                open = Some(c);
                out.push(' ');
            }
            None => out.push(c),
        }
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::danish_in;

    #[test]
    fn finds_danish_letters_and_words_but_not_the_allowed_domain_words() {
        assert!(danish_in("the sheet is empty").is_empty());
        assert!(danish_in("2 active anmodninger; close Iværksættelse with \"Anden\"").is_empty());
        assert!(danish_in("Sheets not used: 'Afviste rækker'").is_empty());
        assert!(danish_in("the column \"Trin\" of the kommune's sheet 'Noter'").is_empty());
        assert_eq!(danish_in("the kommune's række"), ["æ", "række"]);
        assert_eq!(danish_in("arket er tomt"), ["arket", "er"]);
        assert_eq!(danish_in("the row is in række 3"), ["æ", "række"]);
        assert_eq!(danish_in("CPR mangler"), ["mangler"]);
        assert_eq!(danish_in("no headers in de første rows"), ["ø"]);
    }
}
