//! A small fixed list and plan for the export tests. Every CPR number here is fictitious.

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};

use crate::aktivliste::{
    Aktivliste, IgnoreReason, IgnoredSheet, RejectReason, RejectedRow, Warning, WarningKind,
};
use crate::domain::CprError;
use crate::domain::{
    Anmodning, Citizen, Cpr, Decision, Indskrivning, KvalHep, SourceRef, Tilbudstilknytning, Ydelse,
};
use crate::plan::{self, Model, Plan, Settings};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

pub fn src(row: u32) -> SourceRef {
    SourceRef {
        sheet: "Anmodninger".into(),
        row,
    }
}

pub fn generated_at() -> NaiveDateTime {
    d(2026, 3, 2).and_hms_opt(9, 30, 0).expect("valid time")
}

pub const CPR_A: &str = "010190-2000";
pub const CPR_B: &str = "020285-1234";
pub const CPR_C: &str = "750372-4001";

fn citizen(cpr: &str, name: Option<&str>) -> Citizen {
    let (cpr, class) = Cpr::parse(cpr).expect("fictitious CPR parses");
    let mut c = Citizen::new(cpr, class);
    c.name = name.map(Into::into);
    c
}

/// Three citizens: one with every form, one whose name looks like a formula and whose
/// tilbudstilknytning starts after the switch date, and one forgotten case.
pub fn citizens() -> Vec<Citizen> {
    let mut a = citizen(CPR_A, Some("Fiktiv Person"));
    a.anmodninger.push(Anmodning {
        id: Some("A-1001".into()),
        anmodningsdato: d(2025, 1, 6),
        ivaerksaettelsesdato: Some(d(2025, 1, 20)),
        tilbudstilknytning: Some(Tilbudstilknytning {
            tilbud: Some("Tilbud Nord".into()),
            dato: Some(d(2025, 2, 3)),
        }),
        kvalhep: Some(KvalHep {
            dato: Some(d(2025, 2, 10)),
        }),
        source: src(2),
    });
    a.indskrivninger.push(Indskrivning {
        id: Some("I-2001".into()),
        tilbud: Some("Tilbud Nord".into()),
        indskrivningsdato: d(2025, 2, 3),
        ydelser: vec![Ydelse {
            navn: "-Ambulant".into(),
            startdato: Some(d(2025, 2, 4)),
        }],
        source: SourceRef {
            sheet: "Indskrivninger".into(),
            row: 2,
        },
    });

    let mut b = citizen(CPR_B, Some("=Fiktiv Formel"));
    b.anmodninger.push(Anmodning {
        id: Some("+A-1002".into()),
        anmodningsdato: d(2026, 2, 1),
        ivaerksaettelsesdato: Some(d(2026, 2, 15)),
        tilbudstilknytning: Some(Tilbudstilknytning {
            tilbud: Some("@Tilbud Syd".into()),
            dato: Some(d(2026, 4, 2)),
        }),
        kvalhep: None,
        source: src(3),
    });

    let mut c = citizen(CPR_C, None);
    c.anmodninger.push(Anmodning {
        id: None,
        anmodningsdato: d(2024, 5, 1),
        ivaerksaettelsesdato: Some(d(2024, 5, 15)),
        tilbudstilknytning: None,
        kvalhep: None,
        source: src(4),
    });
    c.decision = Decision {
        glemt: true,
        slutdato: Some(d(2025, 6, 30)),
        ..Decision::default()
    };
    vec![a, b, c]
}

pub fn list() -> Aktivliste {
    Aktivliste {
        path: PathBuf::from("/data/kommune/aktivliste-2026.xlsx"),
        citizens: citizens(),
        sheets: Vec::new(),
        ignored_sheets: vec![IgnoredSheet {
            name: "Noter".into(),
            reason: IgnoreReason::NoHeader,
        }],
        rejected: vec![
            RejectedRow {
                source: src(5),
                reason: RejectReason::InvalidCpr(CprError::WrongLength),
                values: vec!["12345".into(), "Fiktiv Afvist".into(), "01-02-2025".into()],
            },
            RejectedRow {
                source: src(6),
                reason: RejectReason::MissingDate {
                    column: "Anmodningsdato".into(),
                },
                values: vec!["030303-xxxx".into(), "=HYPERLINK(\"x\")".into()],
            },
        ],
        warnings: vec![Warning {
            source: src(2),
            kind: WarningKind::Mod11Failed {
                cpr: Cpr::parse(CPR_A).expect("fictitious CPR parses").0,
            },
        }],
        notes: Vec::new(),
    }
}

pub fn plan(model: Model) -> Plan {
    let settings = Settings::new(model, d(2026, 3, 31));
    plan::plan(&citizens(), &settings)
}
