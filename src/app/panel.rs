//! The panel: whether it is open, its language, and which screen it shows.

use crate::core::i18n::Lang;

/// Which screen the panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The profile editor.
    Editor,
    /// Review of the planned fill.
    Review,
    /// The outcome of a fill.
    Report,
    /// Unlock the vault.
    Unlock,
    /// Set a passphrase (`true`: change the current one).
    Passphrase(bool),
    /// Vault settings: auto-lock, passphrase, backup, erase.
    Settings,
    /// A backup file being imported.
    Import,
    /// The disclosure record (授权记录).
    Disclosures,
}

/// The panel's own state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Panel {
    /// The panel is open.
    pub open: bool,
    /// Interface language.
    pub lang: Lang,
    /// Current screen.
    pub view: View,
}

/// What changes the panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PanelAction {
    /// Open the panel.
    Open,
    /// Close the panel (the profile stays in memory until the page closes).
    Close,
    /// Switch the interface language.
    SetLang(Lang),
    /// Show a screen.
    ShowView(View),
    /// Go back to a screen (review ⇄ editor, report → review).
    BackTo(View),
}

impl Panel {
    /// A closed panel on the editor.
    pub fn new(lang: Lang) -> Self {
        Panel {
            open: false,
            lang,
            view: View::Editor,
        }
    }

    /// Applies an action.
    pub fn reduce(&mut self, action: PanelAction) {
        match action {
            PanelAction::Open => self.open = true,
            PanelAction::Close => {
                self.open = false;
                // A review and a fill's outcome are of the page as it was: it may have moved on
                // since (a wizard's next step), so the panel opens again on the editor, from
                // where 下一步 reviews the page as it is then.
                if matches!(self.view, View::Review | View::Report) {
                    self.view = View::Editor;
                }
            }
            PanelAction::SetLang(lang) => self.lang = lang,
            PanelAction::ShowView(view) | PanelAction::BackTo(view) => self.view = view,
        }
    }

    /// The other interface language, for the switch.
    pub fn other_lang(&self) -> Lang {
        match self.lang {
            Lang::ZhCn => Lang::En,
            Lang::En => Lang::ZhCn,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_panel_opens_closes_and_switches_screen_and_language() {
        let mut p = Panel::new(Lang::ZhCn);
        assert!(!p.open);
        assert_eq!(p.view, View::Editor);
        p.reduce(PanelAction::Open);
        assert!(p.open);
        p.reduce(PanelAction::ShowView(View::Settings));
        assert_eq!(p.view, View::Settings);
        p.reduce(PanelAction::BackTo(View::Review));
        assert_eq!(p.view, View::Review);
        p.reduce(PanelAction::BackTo(View::Settings));
        p.reduce(PanelAction::SetLang(p.other_lang()));
        assert_eq!(p.lang, Lang::En);
        assert_eq!(p.other_lang(), Lang::ZhCn);
        p.reduce(PanelAction::Close);
        assert!(!p.open);
        assert_eq!(p.view, View::Settings, "closing keeps the screen");
        p.reduce(PanelAction::Open);
        for old in [View::Review, View::Report] {
            p.reduce(PanelAction::ShowView(old));
            p.reduce(PanelAction::Close);
            p.reduce(PanelAction::Open);
            assert_eq!(
                p.view,
                View::Editor,
                "no old {old:?} when the panel opens again"
            );
        }
    }
}
