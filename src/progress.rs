//! The earlier progress file, `<name>.skifteplan.json` beside the list: read once, to be
//! imported into the progress store (`crate::store`), which keeps the progress since. Also the
//! pieces the store took over from it: which list a progress belongs to ([`ListRef`], with the
//! list's fingerprint), the set-up ([`SavedSettings`]), and the citizens new on a list and gone
//! from it ([`ListChanges`]).
//!
//! The file is JSON with a `format` tag and a `version`, so a foreign or newer file is
//! recognised and never imported or touched. It holds CPR digits (the keys of decisions and
//! ticks), as the list beside it does.

use std::collections::{BTreeMap, HashSet};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::domain::{Decision, Form};
use crate::plan::{ActionKind, Model, System};

/// The value of the `format` field: anything else is a foreign file.
pub const FORMAT: &str = "skifteplan-state";
/// The newest version this build writes and reads.
pub const VERSION: u32 = 1;

/// The state file as written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StateFile {
    pub format: String,
    pub version: u32,
    pub list: ListRef,
    #[serde(default)]
    pub saved_at: Option<NaiveDateTime>,
    /// None until the set-up has been completed once.
    #[serde(default)]
    pub settings: Option<SavedSettings>,
    /// Column mappings the user chose (field key → header text), used when the list is read.
    #[serde(default)]
    pub columns: Vec<(String, String)>,
    /// CPR digits of the citizens in the list when it was last saved, to tell which citizens
    /// are new and which are gone when a newer list is opened.
    #[serde(default)]
    pub citizens: Vec<String>,
    /// Forgotten cases decided in the UI, keyed by CPR digits.
    #[serde(default)]
    pub decisions: BTreeMap<String, Decision>,
    #[serde(default)]
    pub ticks: Vec<Tick>,
    /// The parts of the file that could not be read and were left out (`ticks[3]`,
    /// `settings`): the rest is kept. Never written.
    #[serde(skip)]
    pub unreadable: Vec<String>,
}

/// Which list the state belongs to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListRef {
    pub file_name: String,
    pub path: PathBuf,
    /// Size in bytes and a 64-bit FNV-1a hash of the file's bytes, in hex.
    pub size: u64,
    pub fingerprint: String,
}

/// The plan's settings and the switch's facts for DST.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedSettings {
    pub model: Model,
    pub switch_date: NaiveDate,
    pub reason_text: String,
    #[serde(default)]
    pub kommune: String,
    #[serde(default)]
    pub vendor: String,
    #[serde(default)]
    pub system_name: String,
    /// Planned go-live of the new system, for the e-mail to DST; None: the day after D.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub go_live: Option<NaiveDate>,
    /// Model 1: the deadline for re-reporting every active citizen, for the e-mail to DST.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<NaiveDate>,
}

impl SavedSettings {
    /// The plan's settings under this set-up, with these forgotten-case decisions.
    pub fn plan_settings(&self, decisions: &BTreeMap<String, Decision>) -> crate::plan::Settings {
        let mut settings = crate::plan::Settings::new(self.model, self.switch_date);
        settings.reason_text.clone_from(&self.reason_text);
        settings.decisions = decisions
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        settings
    }

    /// The switch's facts as set up, names left blank as not given.
    pub fn facts(&self) -> crate::facts::SwitchFacts {
        let given = |s: &str| Some(s.trim()).filter(|t| !t.is_empty()).map(str::to_string);
        crate::facts::SwitchFacts {
            switch_date: self.switch_date,
            kommune: given(&self.kommune),
            vendor: given(&self.vendor),
            system: given(&self.system_name),
            go_live: self.go_live,
            deadline: self.deadline,
        }
    }
}

/// One ticked action: which citizen, which form and what was done to it, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tick {
    pub cpr: String,
    pub system: System,
    pub form: Form,
    pub action: ActionKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    pub done: NaiveDate,
}

impl StateFile {
    /// A fresh state for a list.
    pub fn new(list: ListRef) -> StateFile {
        StateFile {
            format: FORMAT.to_string(),
            version: VERSION,
            list,
            saved_at: None,
            settings: None,
            columns: Vec::new(),
            citizens: Vec::new(),
            decisions: BTreeMap::new(),
            ticks: Vec::new(),
            unreadable: Vec::new(),
        }
    }
}

/// Citizens new in a list and citizens gone from it, compared with the state's last list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListChanges {
    /// CPR digits of citizens in the new list only.
    pub new: Vec<String>,
    /// CPR digits of citizens in the state only (done in SMDB, or no longer active).
    pub gone: Vec<String>,
}

impl ListChanges {
    pub fn between(previous: &[String], current: &[String]) -> ListChanges {
        let prev: HashSet<&str> = previous.iter().map(String::as_str).collect();
        let cur: HashSet<&str> = current.iter().map(String::as_str).collect();
        ListChanges {
            new: current
                .iter()
                .filter(|c| !prev.contains(c.as_str()))
                .cloned()
                .collect(),
            gone: previous
                .iter()
                .filter(|c| !cur.contains(c.as_str()))
                .cloned()
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.new.is_empty() && self.gone.is_empty()
    }
}

/// Why an existing state file cannot be used. Never holds file contents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unusable {
    /// Not JSON, or JSON of the wrong shape.
    Corrupt(String),
    /// JSON without our format tag: some other program's file.
    Foreign,
    /// Written by a newer version of this program.
    NewerVersion(u32),
}

/// The result of looking for a state file.
#[derive(Debug)]
pub enum ReadOutcome {
    Missing,
    Loaded(Box<StateFile>),
    Unusable(Unusable),
}

/// `<name>.skifteplan.json` beside the list.
pub fn default_path(list: &Path) -> PathBuf {
    let stem = list
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "aktivliste".to_string());
    list.with_file_name(format!("{stem}.skifteplan.json"))
}

/// Reads a state file. An unreadable (I/O) file is an error; a file that is not ours is
/// `Unusable`, and is left as it is.
pub fn read(path: &Path) -> io::Result<ReadOutcome> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(ReadOutcome::Missing),
        Err(e) if e.kind() == io::ErrorKind::InvalidData => {
            return Ok(ReadOutcome::Unusable(Unusable::Corrupt(
                "not UTF-8 text".to_string(),
            )));
        }
        Err(e) => return Err(e),
    };
    Ok(parse(&text))
}

/// Parses the text of a state file.
pub fn parse(text: &str) -> ReadOutcome {
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return ReadOutcome::Unusable(Unusable::Corrupt(e.to_string())),
    };
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return ReadOutcome::Unusable(Unusable::Foreign);
    }
    let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
    if version > u64::from(VERSION) {
        return ReadOutcome::Unusable(Unusable::NewerVersion(version as u32));
    }
    match serde_json::from_value::<StateFile>(value.clone()) {
        Ok(s) => ReadOutcome::Loaded(Box::new(s)),
        Err(e) => match part_by_part(&value) {
            Some(s) => ReadOutcome::Loaded(Box::new(s)),
            None => ReadOutcome::Unusable(Unusable::Corrupt(e.to_string())),
        },
    }
}

/// A state file with a bad field read part by part: every setting, decision, tick and column
/// that can be read is kept, and what cannot is named in [`StateFile::unreadable`]. Without
/// the list it belongs to, nothing can be used (`None`).
fn part_by_part(value: &serde_json::Value) -> Option<StateFile> {
    use serde::de::DeserializeOwned;
    use serde_json::Value;
    let list: ListRef = serde_json::from_value(value.get("list")?.clone()).ok()?;
    let mut state = StateFile::new(list);
    let mut unreadable = Vec::new();
    // One field: absent or null is its default, anything unreadable is named.
    fn field<T: DeserializeOwned + Default>(
        value: &Value,
        key: &str,
        unreadable: &mut Vec<String>,
    ) -> T {
        match value.get(key) {
            None | Some(Value::Null) => T::default(),
            Some(v) => serde_json::from_value(v.clone()).unwrap_or_else(|_| {
                unreadable.push(key.to_string());
                T::default()
            }),
        }
    }
    // A list field element by element.
    fn each<T: DeserializeOwned>(value: &Value, key: &str, unreadable: &mut Vec<String>) -> Vec<T> {
        match value.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, v)| {
                    serde_json::from_value(v.clone())
                        .map_err(|_| unreadable.push(format!("{key}[{i}]")))
                        .ok()
                })
                .collect(),
            Some(_) => {
                unreadable.push(key.to_string());
                Vec::new()
            }
        }
    }
    state.saved_at = field(value, "saved_at", &mut unreadable);
    state.settings = field(value, "settings", &mut unreadable);
    state.columns = each(value, "columns", &mut unreadable);
    state.citizens = each(value, "citizens", &mut unreadable);
    state.ticks = each(value, "ticks", &mut unreadable);
    match value.get("decisions") {
        None | Some(Value::Null) => {}
        Some(Value::Object(map)) => {
            for (cpr, d) in map {
                match serde_json::from_value::<Decision>(d.clone()) {
                    Ok(d) => {
                        state.decisions.insert(cpr.clone(), d);
                    }
                    // The key is CPR digits: the place is named by its position only.
                    Err(_) => unreadable.push(format!(
                        "decisions[{}]",
                        map.keys().position(|k| k == cpr).unwrap_or(0)
                    )),
                }
            }
        }
        Some(_) => unreadable.push("decisions".to_string()),
    }
    state.unreadable = unreadable;
    Some(state)
}

/// Writes the state atomically: a temporary file in the same folder, then a rename.
pub fn save(path: &Path, state: &StateFile) -> io::Result<()> {
    let mut bytes = serde_json::to_vec_pretty(state).map_err(io::Error::other)?;
    bytes.push(b'\n');
    crate::export::write_bytes_atomic(path, &bytes)
}

/// Whether a file can be created in the folder that would hold `path`.
pub fn folder_writable(path: &Path) -> bool {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    tempfile::NamedTempFile::new_in(dir).is_ok()
}

/// Identifies a list file by size and content hash (FNV-1a, 64 bit).
pub fn list_ref(path: &Path) -> io::Result<ListRef> {
    // Opened as every reader opens a list: never a FIFO or a device, never beyond 200 MB.
    let mut file = crate::input::open(path)?;
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut size = 0u64;
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        size += n as u64;
        for &b in &buf[..n] {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    Ok(ListRef {
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        path: std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
        size,
        fingerprint: format!("{hash:016x}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn tick(cpr: &str, form: Form, done: NaiveDate) -> Tick {
        Tick {
            cpr: cpr.into(),
            system: System::Smdb,
            form,
            action: ActionKind::Afslut,
            case_id: Some("A1".into()),
            detail: None,
            done,
        }
    }

    #[test]
    fn round_trip_through_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("liste.skifteplan.json");
        let mut s = StateFile::new(ListRef {
            file_name: "liste.xlsx".into(),
            ..ListRef::default()
        });
        s.settings = Some(SavedSettings {
            model: Model::Two,
            switch_date: d(2026, 3, 31),
            reason_text: "Systemskift".into(),
            kommune: "Testkommune".into(),
            vendor: "Leverandør".into(),
            system_name: "System".into(),
            go_live: Some(d(2026, 4, 1)),
            deadline: Some(d(2026, 6, 30)),
        });
        s.ticks = vec![
            tick("0101902000", Form::Behandling, d(2026, 3, 31)),
            tick("0101902000", Form::Ydelse, d(2026, 3, 30)),
        ];
        s.decisions.insert(
            "0101902000".into(),
            Decision {
                glemt: true,
                slutdato: Some(d(2026, 1, 2)),
                ..Decision::default()
            },
        );
        save(&path, &s).unwrap();
        let ReadOutcome::Loaded(back) = read(&path).unwrap() else {
            panic!("not loaded")
        };
        assert_eq!(*back, s);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("\"format\": \"skifteplan-state\""));
        assert!(text.contains("\"model\": \"2\""));
    }

    #[test]
    fn foreign_corrupt_and_newer_files_are_recognised() {
        assert!(matches!(
            parse("{\"hello\": 1}"),
            ReadOutcome::Unusable(Unusable::Foreign)
        ));
        assert!(matches!(
            parse("{ not json"),
            ReadOutcome::Unusable(Unusable::Corrupt(_))
        ));
        assert!(matches!(
            parse("{\"format\": \"skifteplan-state\", \"version\": 99}"),
            ReadOutcome::Unusable(Unusable::NewerVersion(99))
        ));
        assert!(matches!(
            parse("{\"format\": \"skifteplan-state\", \"version\": 1}"),
            ReadOutcome::Unusable(Unusable::Corrupt(_))
        ));
    }

    #[test]
    fn one_bad_field_leaves_the_rest_readable() {
        let mut state = StateFile::new(ListRef::default());
        state.ticks = vec![
            tick("0101902000", Form::Anmodning, d(2026, 3, 30)),
            tick("0201903000", Form::Anmodning, d(2026, 3, 30)),
        ];
        state.decisions.insert(
            "0101902000".to_string(),
            Decision {
                glemt: true,
                slutdato: Some(d(2025, 1, 31)),
                ..Decision::default()
            },
        );
        state.decisions.insert(
            "0201903000".to_string(),
            Decision {
                glemt: true,
                slutdato: None,
                ..Decision::default()
            },
        );
        let mut value = serde_json::to_value(&state).unwrap();
        // A tick with an impossible date, a decision of another shape, a settings object
        // without its model.
        value["ticks"][1]["done"] = "31-02-2026".into();
        value["decisions"]["0201903000"] = "ja".into();
        value["settings"] = serde_json::json!({"switch_date": "2026-03-31"});
        let ReadOutcome::Loaded(read) = parse(&value.to_string()) else {
            panic!("the readable parts are kept");
        };
        assert_eq!(read.ticks, state.ticks[..1]);
        assert_eq!(read.decisions.len(), 1);
        assert!(read.decisions.contains_key("0101902000"));
        assert_eq!(read.settings, None);
        assert_eq!(read.unreadable, ["settings", "ticks[1]", "decisions[1]"]);
        // Never a CPR in what is named.
        assert!(read.unreadable.iter().all(|u| !u.contains("0201903000")));
        // Without the list it belongs to, the file cannot be used.
        value["list"] = 7.into();
        assert!(matches!(
            parse(&value.to_string()),
            ReadOutcome::Unusable(Unusable::Corrupt(_))
        ));
    }

    #[test]
    fn changes_between_lists() {
        let prev = vec!["1".to_string(), "2".to_string()];
        let cur = vec!["2".to_string(), "3".to_string()];
        let c = ListChanges::between(&prev, &cur);
        assert_eq!(c.new, vec!["3".to_string()]);
        assert_eq!(c.gone, vec!["1".to_string()]);
    }

    #[test]
    fn settings_without_go_live_and_deadline_still_load() {
        // A state file written before the go-live and deadline fields existed.
        let text = r#"{
  "format": "skifteplan-state",
  "version": 1,
  "list": {"file_name": "liste.xlsx", "path": "/x/liste.xlsx", "size": 1, "fingerprint": "f"},
  "settings": {"model": "1", "switch_date": "2026-03-31", "reason_text": "Systemskift",
               "kommune": "Testkommune"}
}"#;
        let ReadOutcome::Loaded(s) = parse(text) else {
            panic!("not loaded")
        };
        let settings = s.settings.unwrap();
        assert_eq!(settings.go_live, None);
        assert_eq!(settings.deadline, None);
        assert_eq!(settings.kommune, "Testkommune");
    }

    #[test]
    fn default_path_sits_beside_the_list() {
        assert_eq!(
            default_path(Path::new("/a/b/aktivliste-lille.xlsx")),
            PathBuf::from("/a/b/aktivliste-lille.skifteplan.json")
        );
    }
}
