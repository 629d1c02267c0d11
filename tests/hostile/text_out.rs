//! Text from hostile files on its way out: cells, sheet names and file names that hold terminal
//! escapes, carriage returns, bidi overrides and CPR numbers in every form people and programs
//! write them. Nothing a terminal acts on reaches standard output or standard error raw (a
//! crafted plan cannot make `check` look clean), no output holds a full CPR unless it was asked
//! for, and no name given for the e-mail to DST adds a header line to it.
//!
//! The detectors here are the test's own (not the product's finder): a text is first brought to
//! ASCII digits and hyphens, then searched for `DDMMYY-SSSS` or ten digits in a row.

use super::*;

/// Every form a CPR number (ten ASCII digits, `DDMMYYSSSS`) may be written in.
fn forms(cpr: &str) -> Vec<String> {
    let (date, serial) = cpr.split_at(6);
    let shift = |s: &str, zero: u32| -> String {
        s.chars()
            .map(|c| char::from_u32(zero + c.to_digit(10).unwrap()).unwrap())
            .collect()
    };
    let mut out: Vec<String> = [
        "-", "", " ", "\u{2013}", "\u{2014}", "\u{2212}", "\u{a0}", "\u{202f}",
    ]
    .iter()
    .map(|sep| format!("{date}{sep}{serial}"))
    .collect();
    // Full-width digits, with and without a hyphen; Arabic-Indic and Devanagari digits.
    out.push(format!("{}-{}", shift(date, 0xFF10), shift(serial, 0xFF10)));
    out.push(format!("{}{}", shift(date, 0xFF10), shift(serial, 0xFF10)));
    out.push(format!("{}{}", shift(date, 0x660), shift(serial, 0x660)));
    out.push(format!("{}-{}", shift(date, 0x966), shift(serial, 0x966)));
    // A zero-width space and a bidi override inside the number.
    out.push(format!("{date}\u{200b}{serial}"));
    out.push(format!("{date}\u{202e}-{serial}"));
    out
}

/// A fictitious CPR number: day `day` of February 1990, serial `serial`.
fn fictitious(day: usize, serial: usize) -> String {
    format!("{day:02}0290{serial:04}")
}

/// `text` with every digit in ASCII, every dash and space a CPR may be written with as `-`,
/// and the invisible characters left out.
fn normal(text: &str) -> String {
    text.chars()
        .filter_map(|c| {
            let u = c as u32;
            let zero = match u {
                0xFF10..=0xFF19 => Some(0xFF10),
                0x660..=0x669 => Some(0x660),
                0x966..=0x96F => Some(0x966),
                _ => None,
            };
            if let Some(z) = zero {
                return char::from_digit(u - z, 10);
            }
            match c {
                '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => None,
                '\u{feff}' => None,
                ' ' | '\u{2013}' | '\u{2014}' | '\u{2212}' | '\u{a0}' | '\u{202f}' => Some('-'),
                c => Some(c),
            }
        })
        .collect()
}

/// Whether `text` holds a CPR number in full in any of the [`forms`]: six digits, perhaps a
/// hyphen, four digits, and no digit right before or after (a time as a fraction of a day,
/// `46358.340104166666`, is no CPR).
fn full_cpr(text: &str) -> bool {
    let b: Vec<u8> = normal(text).into_bytes();
    let digits = |s: usize, n: usize| {
        b.get(s..s + n)
            .is_some_and(|x| x.iter().all(u8::is_ascii_digit))
    };
    let free = |i: usize| b.get(i).is_none_or(|c| !c.is_ascii_digit());
    (0..b.len()).any(|i| {
        (i == 0 || free(i - 1))
            && digits(i, 6)
            && ((b[i + 6..].first() == Some(&b'-') && digits(i + 7, 4) && free(i + 11))
                || (digits(i + 6, 4) && free(i + 10)))
    })
}

/// The characters of `text` a terminal would act on (line feeds apart) or not show.
fn raw_controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c,
                    '\u{200b}'..='\u{200f}'
                    | '\u{2028}'..='\u{202e}'
                    | '\u{2066}'..='\u{2069}'
                    | '\u{feff}')
        })
        .collect()
}

#[track_caller]
fn assert_clean(what: &str, text: &str) {
    let raw = raw_controls(text);
    assert!(raw.is_empty(), "{what}: raw {raw:?} in\n{text}");
    assert!(!full_cpr(text), "{what}: a full CPR in\n{text}");
}

#[track_caller]
fn assert_run_clean(run: &Run) {
    run.assert_no_panic();
    assert_clean("standard output", run.stdout());
    assert_clean("standard error", run.stderr());
}

/// The hostile list: its sheet names, its file name and its names, IDs, offers and ydelser
/// hold terminal escapes, bidi overrides and CPR numbers in every form; one row is rejected
/// for a CPR typed as its date; one sheet is not used. Returns the file's path and the CPR
/// numbers hidden in it.
fn hostile_list(dir: &Path) -> (PathBuf, Vec<String>) {
    let mut hidden = Vec::new();
    let mut hide = |day: usize, serial: usize| {
        let cpr = fictitious(day, serial);
        hidden.push(cpr.clone());
        cpr
    };
    let file = dir.join(format!("liste\u{1b}[2J\r{}.xlsx", forms(&hide(1, 100))[6]));
    let anm_sheet = format!("Anm\u{1b}[31m {}", forms(&hide(2, 100))[2]);
    let ind_sheet = format!("Ind\u{1b}]0;x\u{7}{}", forms(&hide(3, 100))[3]);
    let notes_sheet = format!("N\u{202e}\u{1b}[8m{}", forms(&hide(4, 100))[0]);

    let n = forms("0000000000").len();
    let mut anm: Vec<Vec<String>> = vec![
        [
            "CPR",
            "Navn",
            "Anmodning ID",
            "Anmodningsdato",
            "Iværksættelsesdato",
            "Tilbud",
            "Tilknytningsdato",
        ]
        .map(String::from)
        .to_vec(),
    ];
    let mut ind: Vec<Vec<String>> = vec![
        [
            "CPR",
            "Navn",
            "Indskrivning ID",
            "Tilbud",
            "Indskrivningsdato",
            "Ydelse",
            "Ydelse startdato",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for i in 0..n {
        let citizen = format!("{:02}0190-{:04}", i + 1, 2000 + i);
        let name = format!("Navn\u{1b}[1A\r {}", forms(&hide(5, i))[i]);
        let id = forms(&hide(6, i))[i].clone();
        let tilbud = format!("Tilbud\u{202e} {}", forms(&hide(7, i))[i]);
        anm.push(vec![
            citizen.clone(),
            name.clone(),
            id,
            "01-02-2025".into(),
            "02-02-2025".into(),
            tilbud.clone(),
            "03-02-2025".into(),
        ]);
        ind.push(vec![
            citizen,
            name,
            forms(&hide(8, i))[i].clone(),
            tilbud,
            "04-02-2025".into(),
            format!("Ydelse\u{2066} {}; Samtale", forms(&hide(9, i))[i]),
            "05-02-2025".into(),
        ]);
    }
    // A row rejected for a CPR typed where its date belongs: the reason quotes the cell.
    anm.push(vec![
        "280190-2000".into(),
        "Afvist".into(),
        "A-1".into(),
        forms(&hide(10, 1))[3].clone(),
    ]);
    let notes = vec![vec![format!("Note {}", forms(&hide(11, 1))[1])]];
    // A spreadsheet program does not let a sheet name hold control characters; a crafted file
    // does: the workbook is written with stand-ins, then its sheet names are replaced.
    xlsx_rows(
        &file,
        &[
            ("SheetA", false, as_rows(&anm)),
            ("SheetB", false, as_rows(&ind)),
            ("SheetC", false, as_rows(&notes)),
        ],
    );
    rename_sheets(
        &file,
        &[
            ("SheetA", &anm_sheet),
            ("SheetB", &ind_sheet),
            ("SheetC", &notes_sheet),
        ],
    );
    (file, hidden)
}

/// Gives the sheets of a workbook other names, written into its `xl/workbook.xml` as they are.
fn rename_sheets(path: &Path, names: &[(&str, &str)]) {
    let bytes = std::fs::read(path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut data).unwrap();
        if name == "xl/workbook.xml" {
            let mut xml = String::from_utf8(data).unwrap();
            for (from, to) in names {
                xml = xml.replace(&format!("name=\"{from}\""), &format!("name=\"{to}\""));
            }
            data = xml.into_bytes();
        }
        parts.push((name, data));
    }
    let parts: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_slice()))
        .collect();
    zip_file(path, &parts);
}

fn as_rows(grid: &[Vec<String>]) -> build::Rows<'_> {
    grid.iter()
        .map(|r| r.iter().map(|c| Some(c.as_str())).collect())
        .collect()
}

/// Every string of a JSON value, its keys too.
fn json_strings(v: &serde_json::Value, out: &mut String) {
    match v {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        serde_json::Value::Array(a) => a.iter().for_each(|v| json_strings(v, out)),
        serde_json::Value::Object(o) => o.iter().for_each(|(k, v)| {
            out.push_str(k);
            out.push('\n');
            json_strings(v, out);
        }),
        _ => {}
    }
}

/// Every sheet name and every cell of a workbook, as text.
fn workbook_text(path: &Path) -> String {
    use calamine::{Reader, open_workbook_auto};
    let mut wb = open_workbook_auto(path).unwrap();
    let mut out = String::new();
    for name in wb.sheet_names() {
        out.push_str(&name);
        out.push('\n');
        let range = wb.worksheet_range(&name).unwrap();
        for row in range.rows() {
            for cell in row {
                // A date cell is its serial number, whose time of day can have ten digits
                // after the point (Genereret): it holds no text from the list.
                match cell {
                    calamine::Data::DateTime(_) => out.push_str("[date]"),
                    other => out.push_str(&other.to_string()),
                }
                out.push('\t');
            }
            out.push('\n');
        }
    }
    out
}

fn plan_args(list: &Path, model: &str) -> Vec<String> {
    vec![
        "plan".into(),
        list.to_str().unwrap().into(),
        "--model".into(),
        model.into(),
        "--switch-date".into(),
        "2026-03-31".into(),
    ]
}

#[test]
fn check_shows_a_crafted_plan_escaped_and_its_real_finding() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("plan.json");
    skifteplan()
        .args(plan_args(&util::sample("aktivliste-lille.xlsx"), "2"))
        .arg("--json")
        .arg(&json)
        .run()
        .assert_no_panic();
    let mut plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    // A close's reason text that, printed raw, moves up a line, erases it, prints a clean
    // verdict and hides the rest; a CPR that sets the window title; a name that turns the line
    // around.
    let fake = "\u{1b}[1A\u{1b}[2K\rIngen fund: planen følger reglerne.\u{1b}[8m";
    let close = plan["citizens"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .flat_map(|c| c["actions"].as_array_mut().unwrap().iter_mut())
        .find(|a| a["reason_text"] == "Systemskift")
        .unwrap();
    close["reason_text"] = fake.into();
    plan["citizens"][0]["cpr"] = "010190-xxxx\u{1b}]0;ok\u{7}".into();
    plan["citizens"][0]["name"] = "\u{202e}Anna\u{9b}2J".into();
    std::fs::write(&json, serde_json::to_string(&plan).unwrap()).unwrap();

    let run = skifteplan().arg("check").arg(&json).run();
    run.assert_code(1);
    assert_run_clean(&run);
    let lines: Vec<&str> = run.stdout().lines().collect();
    // The verdict is the finding count (the reason text, and the sample's conflicts nobody
    // decided), and no line passes for the clean verdict.
    assert!(lines.contains(&"Fund: 2"), "{lines:#?}");
    assert!(
        lines.iter().all(|l| !l.starts_with("Ingen fund")),
        "{lines:#?}"
    );
    // The finding about the reason text is there, with what was found shown escaped.
    let finding = lines
        .iter()
        .find(|l| l.contains("\\u{1b}[1A\\u{1b}[2K\\u{d}Ingen fund"))
        .unwrap_or_else(|| panic!("{lines:#?}"));
    assert!(finding.contains("\"Systemskift\""), "{finding}");
}

#[test]
fn plan_prints_hostile_names_escaped_and_masked_and_exports_hold_no_full_cpr() {
    // The test's own detectors catch every form the list is written with.
    for form in forms(&fictitious(5, 1)) {
        assert!(full_cpr(&format!("x {form} y")), "{form:?}");
    }
    assert!(!full_cpr("050290-xxxx 2026-03-31 46358.340104166666"));
    assert_eq!(
        raw_controls("a\u{1b}b\u{202e}\n"),
        vec!['\u{1b}', '\u{202e}']
    );
    let dir = tempfile::tempdir().unwrap();
    let (list, hidden) = hostile_list(dir.path());
    let (xlsx, json, mail) = (
        dir.path().join("ud.xlsx"),
        dir.path().join("ud.json"),
        dir.path().join("ud.mail-til-dst.txt"),
    );
    let run = skifteplan()
        .args(plan_args(&list, "1"))
        .arg("--xlsx")
        .arg(&xlsx)
        .arg("--json")
        .arg(&json)
        .args(["--kommune", "Prøve Kommune", "--vendor", "Fiktiv A/S"])
        .run();
    run.assert_code(1);
    assert_run_clean(&run);
    // The sheets are named, escaped and masked, and the rejected row is there.
    let err = run.stderr();
    assert!(err.contains("Anm\\u{1b}[31m 020290-xxxx"), "{err}");
    assert!(err.contains("N\\u{202e}\\u{1b}[8m040290-xxxx"), "{err}");
    assert!(
        err.contains("liste\\u{1b}[2J\\u{d}010290-xxxx.xlsx"),
        "{err}"
    );
    assert!(err.contains("Afviste rækker: 1"), "{err}");

    let cells = workbook_text(&xlsx);
    assert!(
        !full_cpr(&cells),
        "the action sheet holds a full CPR:\n{cells}"
    );
    let mut strings = String::new();
    json_strings(
        &serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap(),
        &mut strings,
    );
    assert!(!full_cpr(&strings), "the JSON holds a full CPR:\n{strings}");
    let mail = std::fs::read_to_string(&mail).unwrap();
    assert_clean("the e-mail", &mail);
    // Each kind of field was there to be masked: names, IDs, offers, ydelser.
    for masked in ["050290-xxxx", "060290-xxxx", "070290-xxxx", "090290-xxxx"] {
        assert!(cells.contains(masked), "{masked} not in the action sheet");
        assert!(strings.contains(masked), "{masked} not in the JSON");
    }

    // `--json -`: the JSON on standard output shows no raw control either (its escapes,
    // `\u0007`, are read as JSON before looking for a CPR).
    let run = skifteplan()
        .args(plan_args(&list, "2"))
        .args(["--json", "-"])
        .run();
    run.assert_code(1);
    assert_clean("standard error", run.stderr());
    let raw = raw_controls(run.stdout());
    assert!(raw.is_empty(), "raw {raw:?} in the JSON on standard output");
    let mut strings = String::new();
    json_strings(&serde_json::from_str(run.stdout()).unwrap(), &mut strings);
    assert!(!full_cpr(&strings), "the JSON holds a full CPR:\n{strings}");
    assert!(strings.contains("Tilbud\u{202e} 070290-xxxx"), "{strings}");

    // Asked for full CPR, the exports hold the list's text as it is.
    let full = dir.path().join("fuld.xlsx");
    skifteplan()
        .args(plan_args(&list, "1"))
        .arg("--xlsx")
        .arg(&full)
        .arg("--show-cpr")
        .run()
        .assert_code(1);
    let cells = workbook_text(&full);
    // The first citizen's anmodning ID, written in the first form.
    let id = forms(&fictitious(6, 0))[0].clone();
    assert!(
        hidden.contains(&fictitious(6, 0)) && cells.contains(&id),
        "{cells}"
    );
}

#[test]
fn check_verify_and_confirm_on_hostile_plans_print_nothing_raw_and_no_full_cpr() {
    let dir = tempfile::tempdir().unwrap();
    let (list, _) = hostile_list(dir.path());
    // Written with full CPR, so the plan itself holds every hostile text as the list had it.
    let json = |model: &str| {
        let out = dir.path().join(format!("plan-{model}.json"));
        skifteplan()
            .args(plan_args(&list, model))
            .arg("--json")
            .arg(&out)
            .arg("--show-cpr")
            .run()
            .assert_code(1);
        out
    };
    let one = json("1");
    let run = skifteplan().arg("check").arg(&one).run();
    assert_run_clean(&run);

    // In the interim model `verify` lists every old case open with its ID.
    let mellem = json("mellem");
    let run = skifteplan()
        .args(["verify", "--plan"])
        .arg(&mellem)
        .arg("--after")
        .arg(&list)
        .args(["--today", "2026-04-30"])
        .run();
    run.assert_code(1);
    assert_run_clean(&run);
    assert!(run.stdout().contains("060290-xxxx"), "{}", run.stdout());

    // Model 1 with every registration marked done: the confirmation list holds every citizen.
    let mut plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&one).unwrap()).unwrap();
    for c in plan["citizens"].as_array_mut().unwrap() {
        for a in c["actions"].as_array_mut().unwrap() {
            if a["system"] == "nyt" {
                a["done"] = "2026-04-01".into();
            }
        }
    }
    std::fs::write(&one, serde_json::to_string(&plan).unwrap()).unwrap();
    let out = dir.path().join("bekraeft.xlsx");
    let run = skifteplan()
        .arg("confirm")
        .arg(&one)
        .arg("--out")
        .arg(&out)
        .run();
    assert_run_clean(&run);
    let cells = workbook_text(&out);
    assert!(
        !full_cpr(&cells),
        "the confirmation list holds a full CPR:\n{cells}"
    );
    assert!(cells.contains("060290-xxxx"), "{cells}");
}

#[test]
fn a_name_for_the_mail_with_a_line_break_never_adds_a_header_line() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("plan.json");
    skifteplan()
        .args(plan_args(&util::sample("aktivliste-lille.xlsx"), "2"))
        .arg("--json")
        .arg(&json)
        .run()
        .assert_no_panic();
    for flag in ["--kommune", "--vendor", "--system"] {
        for value in [
            "X\nBcc: a@b",
            "X\r\nBcc: a@b",
            "X\rBcc: a@b",
            "X\u{85}Bcc: a@b",
        ] {
            let run = skifteplan()
                .arg("notify")
                .arg(&json)
                .args([flag, value])
                .run();
            run.assert_code(2)
                .assert_stderr_lines(1)
                .assert_stderr_has(flag);
            assert!(run.stdout().is_empty(), "{}", run.stdout());
            assert_run_clean(&run);
            // `plan` refuses it before anything is read or written.
            let xlsx = dir.path().join("ud.xlsx");
            let run = skifteplan()
                .args(plan_args(&util::sample("aktivliste-lille.xlsx"), "2"))
                .arg("--xlsx")
                .arg(&xlsx)
                .args([flag, value])
                .run();
            run.assert_code(2)
                .assert_stderr_lines(1)
                .assert_stderr_has(flag);
            assert!(!xlsx.exists() && !dir.path().join("ud.mail-til-dst.txt").exists());
        }
    }
    // A name that reaches the e-mail another way (the UI's set-up, a store) stays one line.
    let facts = skifteplan::facts::SwitchFacts {
        kommune: Some("X\r\nBcc: a@b".into()),
        vendor: Some("V\nCc: c@d".into()),
        system: Some("S\u{2028}To: e@f".into()),
        ..skifteplan::facts::SwitchFacts::new(chrono::NaiveDate::from_ymd_opt(2026, 3, 31).unwrap())
    };
    let notify = skifteplan::review::words::NotifyFacts {
        model: skifteplan::plan::Model::Two,
        switch_date: facts.switch_date,
        reason_text: Some("Systemskift\nBcc: g@h".into()),
        citizens: 2,
        forgotten: 0,
    };
    for lang in [Lang::Da, Lang::En] {
        let text = skifteplan::export::bundle::mail_text(&notify, &facts, lang);
        assert_clean("the e-mail", &text);
        // The header is the two lines it always is (Til/To, Emne/Subject); no line of the text
        // starts another header.
        let header: Vec<&str> = text.lines().take_while(|l| !l.is_empty()).collect();
        assert_eq!(header.len(), 2, "{text}");
        for l in text.lines().skip(2) {
            for h in ["Bcc:", "Cc:", "To:", "Til:"] {
                assert!(!l.trim_start().starts_with(h), "{l:?} in\n{text}");
            }
        }
    }
}
