//! A backup file being imported: its bytes, then the profile in it once opened (or why it
//! did not open).

use std::rc::Rc;

use crate::core::profile::Profile;

/// A backup file being imported.
#[derive(Clone, PartialEq)]
pub struct ImportState {
    /// The file's bytes.
    pub bytes: Rc<Vec<u8>>,
    /// The file name.
    pub name: String,
    /// The profile in it, once opened.
    pub opened: Option<Profile>,
    /// Why it did not open.
    pub error: Option<String>,
}

/// What changes an import. Applying and cancelling end it; the app state does those.
#[derive(Clone, PartialEq)]
pub enum ImportAction {
    /// A backup file was chosen.
    File(String, Vec<u8>),
    /// The backup opened (or failed to, with the message).
    Opened(Result<Profile, String>),
    /// Apply the import: `true` merges, `false` replaces.
    Apply(bool),
    /// Drop the import.
    Cancel,
}

impl ImportState {
    /// A chosen file, not yet opened.
    pub fn new(name: String, bytes: Vec<u8>) -> Self {
        ImportState {
            bytes: Rc::new(bytes),
            name,
            opened: None,
            error: None,
        }
    }

    /// The file was opened, or failed to.
    pub fn opened(&mut self, result: Result<Profile, String>) {
        match result {
            Ok(p) => {
                self.opened = Some(p);
                self.error = None;
            }
            Err(e) => self.error = Some(e),
        }
    }
}

/// The profile after an import of `incoming` into `current`: merged (stamped `now`), or
/// replaced.
pub fn imported(current: &Profile, incoming: Profile, merge: bool, now: &str) -> Profile {
    if merge {
        crate::core::profile::merge::merge(current, &incoming, now)
    } else {
        incoming
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_import_opens_or_says_why_not() {
        let mut i = ImportState::new("b.oncefill".into(), vec![1, 2, 3]);
        assert_eq!(i.bytes.len(), 3);
        i.opened(Err("wrong".into()));
        assert_eq!(i.error.as_deref(), Some("wrong"));
        assert!(i.opened.is_none());
        i.opened(Ok(Profile::demo()));
        assert_eq!(i.error, None);
        assert_eq!(i.opened, Some(Profile::demo()));
    }

    #[test]
    fn replacing_takes_the_backup_and_merging_keeps_both() {
        let mut mine = Profile::new();
        mine.add_person(crate::core::profile::Relation::Other);
        let replaced = imported(&mine, Profile::demo(), false, "2026-11-21T08:00:00Z");
        assert_eq!(replaced, Profile::demo());
        let merged = imported(&mine, Profile::demo(), true, "2026-11-21T08:00:00Z");
        assert!(merged.persons.len() > Profile::demo().persons.len());
    }
}
