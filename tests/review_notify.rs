//! The e-mail text to DST: a snapshot per model, and no CPR in it.

use std::path::Path;

use chrono::NaiveDate;
use skifteplan::aktivliste::{LoadOptions, load};
use skifteplan::export::{ExportInput, build_json};
use skifteplan::lang::Lang;
use skifteplan::plan::{self, Action, CitizenPlan, Model, Settings};
use skifteplan::review::read::from_json;
use skifteplan::review::words::{NotifyInfo, notify_text};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn text(model: Model, lang: Lang) -> (String, Vec<String>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/aktivliste-rodet.xlsx");
    let list = load(&path, &LoadOptions::default()).unwrap();
    let plan = plan::plan(&list.citizens, &Settings::new(model, d(2026, 3, 31)));
    let none = |_: &CitizenPlan, _: &Action| None;
    let dto = build_json(&ExportInput {
        plan: &plan,
        list: &list,
        show_cpr: true,
        lang,
        generated_at: d(2026, 1, 2).and_hms_opt(10, 0, 0).unwrap(),
        done: &none,
    });
    let info = NotifyInfo {
        vendor: "Fiktiv Software A/S".into(),
        system: "Fiktiv Journal".into(),
        kommune: Some("Fiktiv Kommune".into()),
        go_live: d(2026, 4, 1),
        deadline: (model == Model::One).then(|| d(2026, 6, 30)),
    };
    let cprs = list
        .citizens
        .iter()
        .flat_map(|c| [c.cpr.full(), c.cpr.masked(), c.cpr.digits().to_string()])
        .collect();
    (notify_text(&from_json(&dto), &info, lang), cprs)
}

#[test]
fn notify_text_per_model() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for (model, name) in [
            (Model::One, "review_notify_model_1"),
            (Model::Two, "review_notify_model_2"),
            (Model::Mellem, "review_notify_mellem"),
        ] {
            let (t, cprs) = text(model, Lang::Da);
            for c in &cprs {
                assert!(!t.contains(c.as_str()), "the e-mail holds a CPR");
            }
            assert!(t.contains("SMDB@dst.dk"));
            insta::assert_snapshot!(name, t);
        }
        let (en, _) = text(Model::Two, Lang::En);
        insta::assert_snapshot!("review_notify_model_2_en", en);
    });
}
