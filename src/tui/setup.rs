//! The set-up form: kommune, vendor, system name, D and the model, validated as typed.

use chrono::NaiveDate;

use super::strings::T;
use crate::domain::date::{DateError, parse_date_text};
use crate::lang::Lang;
use crate::plan::{DEFAULT_REASON_TEXT, Model};
use crate::progress::SavedSettings;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Kommune,
    Vendor,
    SystemName,
    Date,
    Model,
    Reason,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::Kommune,
        Field::Vendor,
        Field::SystemName,
        Field::Date,
        Field::Model,
        Field::Reason,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Field::Kommune => T::Kommune.get(lang),
            Field::Vendor => T::Vendor.get(lang),
            Field::SystemName => T::SystemName.get(lang),
            Field::Date => T::SwitchDate.get(lang),
            Field::Model => T::Model.get(lang),
            Field::Reason => T::ReasonText.get(lang),
        }
    }

    pub fn takes_text(self) -> bool {
        self != Field::Model
    }
}

#[derive(Clone, Debug)]
pub struct SetupForm {
    pub kommune: String,
    pub vendor: String,
    pub system_name: String,
    pub date: String,
    pub model: Option<Model>,
    pub reason: String,
    pub field: usize,
    pub error: Option<String>,
}

impl Default for SetupForm {
    fn default() -> SetupForm {
        SetupForm {
            kommune: String::new(),
            vendor: String::new(),
            system_name: String::new(),
            date: String::new(),
            model: None,
            reason: DEFAULT_REASON_TEXT.to_string(),
            field: 0,
            error: None,
        }
    }
}

impl SetupForm {
    pub fn from_saved(s: &SavedSettings) -> SetupForm {
        SetupForm {
            kommune: s.kommune.clone(),
            vendor: s.vendor.clone(),
            system_name: s.system_name.clone(),
            date: crate::domain::date::fmt_dk(s.switch_date),
            model: Some(s.model),
            reason: s.reason_text.clone(),
            field: 3,
            error: None,
        }
    }

    pub fn current(&self) -> Field {
        Field::ALL[self.field.min(Field::ALL.len() - 1)]
    }

    pub fn text_mut(&mut self) -> Option<&mut String> {
        match self.current() {
            Field::Kommune => Some(&mut self.kommune),
            Field::Vendor => Some(&mut self.vendor),
            Field::SystemName => Some(&mut self.system_name),
            Field::Date => Some(&mut self.date),
            Field::Reason => Some(&mut self.reason),
            Field::Model => None,
        }
    }

    pub fn text(&self, field: Field) -> &str {
        match field {
            Field::Kommune => &self.kommune,
            Field::Vendor => &self.vendor,
            Field::SystemName => &self.system_name,
            Field::Date => &self.date,
            Field::Reason => &self.reason,
            Field::Model => "",
        }
    }

    /// Moves the model choice one step (1 → 2 → interim, and back).
    pub fn cycle_model(&mut self, forward: bool) {
        let all = Model::ALL;
        let i = self
            .model
            .and_then(|m| all.iter().position(|x| *x == m))
            .map(|i| {
                if forward {
                    (i + 1) % all.len()
                } else {
                    (i + all.len() - 1) % all.len()
                }
            })
            .unwrap_or(if forward { 0 } else { all.len() - 1 });
        self.model = Some(all[i]);
    }

    /// The date as typed: Ok(date), or Err(why) — "incomplete" while still being typed.
    pub fn date_state(&self, lang: Lang) -> Result<NaiveDate, String> {
        let t = self.date.trim();
        if t.is_empty() {
            return Err(T::DateFormatHint.get(lang).to_string());
        }
        match parse_date_text(t) {
            Ok(d) => Ok(d),
            Err(_) if t.len() < 10 => Err(T::DateIncomplete.get(lang).to_string()),
            Err(e) => Err(date_error(&e, lang)),
        }
    }

    /// The settings, when the form is complete.
    pub fn to_saved(&self, lang: Lang) -> Result<SavedSettings, String> {
        let date = self
            .date_state(lang)
            .map_err(|_| T::SetupNeedsDate.get(lang).to_string())?;
        let model = self
            .model
            .ok_or_else(|| lang.pick("Vælg en model.", "Choose a model.").to_string())?;
        let reason = if self.reason.trim().is_empty() {
            DEFAULT_REASON_TEXT.to_string()
        } else {
            self.reason.trim().to_string()
        };
        Ok(SavedSettings {
            model,
            switch_date: date,
            reason_text: reason,
            kommune: self.kommune.trim().to_string(),
            vendor: self.vendor.trim().to_string(),
            system_name: self.system_name.trim().to_string(),
        })
    }
}

fn date_error(e: &DateError, lang: Lang) -> String {
    match e {
        DateError::TwoDigitYear => lang
            .pick(
                "skriv året med fire cifre",
                "write the year with four digits",
            )
            .into(),
        DateError::Impossible { .. } | DateError::SerialOutOfRange => {
            lang.pick("datoen findes ikke", "no such date").into()
        }
        DateError::Unrecognised => lang
            .pick(
                "ikke en dato: skriv dd-mm-åååå",
                "not a date: type dd-mm-yyyy",
            )
            .into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_is_validated_as_typed() {
        let mut f = SetupForm {
            date: "31-0".into(),
            ..SetupForm::default()
        };
        assert_eq!(f.date_state(Lang::En).unwrap_err(), "incomplete date");
        f.date = "31-02-2026".into();
        assert_eq!(f.date_state(Lang::En).unwrap_err(), "no such date");
        f.date = "31-03-2026".into();
        assert_eq!(
            f.date_state(Lang::Da).unwrap(),
            NaiveDate::from_ymd_opt(2026, 3, 31).unwrap()
        );
        assert!(f.to_saved(Lang::Da).is_err());
        f.cycle_model(true);
        f.cycle_model(true);
        assert_eq!(f.to_saved(Lang::Da).unwrap().model, Model::Two);
    }
}
