//! The worker's own settings, kept in their config folder (never in the shared progress store):
//! their initials, and where the progress of a list lives when the list's own folder cannot be
//! written. `$XDG_CONFIG_HOME/skifteplan/config.json`, else `~/.config/skifteplan/config.json`.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The longest initials kept: enough for "ABC-DST", short enough for a column.
pub const MAX_INITIALS: usize = 12;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Data {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    initials: Option<String>,
    /// List path (absolute) → the progress store chosen for it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    places: BTreeMap<PathBuf, PathBuf>,
}

/// The worker's settings and the file they are kept in (None: kept in memory only, as in tests).
#[derive(Clone, Debug, Default)]
pub struct UserConfig {
    path: Option<PathBuf>,
    data: Data,
}

/// skifteplan's folder of the user's own settings, if there is a home folder:
/// `$XDG_CONFIG_HOME/skifteplan`, else `~/.config/skifteplan` (`%APPDATA%\skifteplan`).
pub fn config_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
        .or_else(|| std::env::var_os("APPDATA").map(PathBuf::from))?;
    Some(base.join("skifteplan"))
}

/// Where the config goes on this machine, if there is a home folder.
pub fn default_path() -> Option<PathBuf> {
    Some(config_dir()?.join("config.json"))
}

/// The OS user name, the initials suggested until the worker gives theirs.
pub fn os_user() -> Option<String> {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .map(|u| clean_initials(&u))
        .find(|u| !u.is_empty())
}

/// Initials as kept: trimmed, inner whitespace and control characters removed, at most
/// [`MAX_INITIALS`] characters.
pub fn clean_initials(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(MAX_INITIALS)
        .collect()
}

impl UserConfig {
    /// Reads the config at `path`; a missing or damaged file gives empty settings (a damaged
    /// one is replaced only when something is saved).
    pub fn load(path: Option<PathBuf>) -> UserConfig {
        let data = path
            .as_deref()
            .and_then(|p| std::fs::read_to_string(p).ok())
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default();
        UserConfig { path, data }
    }

    /// Settings kept in memory only, with these initials (tests, and machines without a home).
    pub fn in_memory(initials: Option<&str>) -> UserConfig {
        UserConfig {
            path: None,
            data: Data {
                initials: initials.map(str::to_string),
                places: BTreeMap::new(),
            },
        }
    }

    /// The initials given by the worker, if any yet.
    pub fn initials(&self) -> Option<&str> {
        self.data.initials.as_deref().filter(|i| !i.is_empty())
    }

    /// The initials to record changes with: the worker's, else the OS user name, else "?".
    pub fn worker(&self) -> String {
        self.initials()
            .map(str::to_string)
            .or_else(os_user)
            .unwrap_or_else(|| "?".to_string())
    }

    pub fn set_initials(&mut self, initials: &str) -> io::Result<()> {
        self.data.initials = Some(clean_initials(initials));
        self.save()
    }

    /// The store chosen for a list whose folder could not be written.
    pub fn place_for(&self, list: &Path) -> Option<&Path> {
        self.data.places.get(&absolute(list)).map(PathBuf::as_path)
    }

    pub fn remember_place(&mut self, list: &Path, store: &Path) -> io::Result<()> {
        self.data.places.insert(absolute(list), absolute(store));
        self.save()
    }

    fn save(&self) -> io::Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let text = serde_json::to_string_pretty(&self.data).map_err(io::Error::other)?;
        crate::export::write_bytes_atomic(path, text.as_bytes())
    }
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_and_places_survive_a_reload() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("config.json");
        let mut c = UserConfig::load(Some(path.clone()));
        assert_eq!(c.initials(), None);
        c.set_initials("  a b\tc ").unwrap();
        c.remember_place(Path::new("/data/liste.xlsx"), Path::new("/home/x/liste.db"))
            .unwrap();
        let again = UserConfig::load(Some(path));
        assert_eq!(again.initials(), Some("abc"));
        assert_eq!(again.worker(), "abc");
        assert_eq!(
            again.place_for(Path::new("/data/liste.xlsx")),
            Some(Path::new("/home/x/liste.db"))
        );
        assert_eq!(again.place_for(Path::new("/data/other.xlsx")), None);
    }

    #[test]
    fn a_damaged_file_reads_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.json");
        std::fs::write(&path, "{not json").unwrap();
        let c = UserConfig::load(Some(path));
        assert_eq!(c.initials(), None);
        assert_eq!(
            clean_initials("ABCDEFGHIJKLMNOP").chars().count(),
            MAX_INITIALS
        );
    }
}
