//! What each kind of record covers, and the edits of the household, firms and mandates that
//! reach across records: which elements a person's, a firm's, a role link's or a mandate's
//! editor shows, where a [`Holder`]'s values are, and what goes when a person or a firm is
//! removed.

use std::collections::BTreeMap;

use super::{AgentLink, Draft, FirmRecord, Holder, PersonRecord, Profile, REQUIRED, Relation};
use super::{Role, RoleLink, Values, editable};
use crate::core::dictionary::{Group, Key};

/// The elements a person record covers.
pub fn person_scope() -> impl Iterator<Item = Key> {
    Key::all().filter(|k| {
        matches!(
            k.element().group,
            Group::Person | Group::Contact | Group::Family | Group::Document
        ) && editable(*k)
    })
}

/// The elements a firm record covers.
pub fn firm_scope() -> impl Iterator<Item = Key> {
    Key::all().filter(|k| matches!(k.element().group, Group::Firm | Group::Contact) && editable(*k))
}

/// The elements of a role link.
pub fn role_scope(role: Role) -> Vec<Key> {
    match role {
        Role::Shareholder => vec![
            Key::RoleSubscribedWan,
            Key::RoleContributionMethod,
            Key::RoleContributionDue,
        ],
        _ => vec![Key::RolePosition],
    }
}

/// The elements of a mandate.
pub fn agent_scope() -> impl Iterator<Item = Key> {
    Key::all().filter(|k| k.element().group == Group::Agent && editable(*k))
}

impl Profile {
    /// A draft of what `holder` keeps, covering the elements of its kind of record (a person
    /// must have a name, a firm its name). `None` when there is no such record or link.
    pub fn draft_of(&self, holder: &Holder) -> Option<Draft> {
        match holder {
            Holder::Record(id) => {
                if let Some(p) = self.person(id) {
                    return Some(Draft::from_values(&p.values, person_scope(), REQUIRED));
                }
                let f = self.firms.iter().find(|f| &f.id == id)?;
                Some(Draft::from_values(
                    &f.values,
                    firm_scope(),
                    &[Key::FirmName],
                ))
            }
            Holder::RoleLink { firm, index } => {
                let link = self
                    .firms
                    .iter()
                    .find(|f| &f.id == firm)?
                    .roles
                    .get(*index)?;
                Some(Draft::from_values(&link.values, role_scope(link.role), &[]))
            }
            Holder::Agent(index) => {
                let link = self.agents.get(*index)?;
                Some(Draft::from_values(&link.values, agent_scope(), &[]))
            }
        }
    }

    /// The values `holder` keeps, to write a draft into.
    pub fn values_of_mut(&mut self, holder: &Holder) -> Option<&mut Values> {
        match holder {
            Holder::Record(id) => {
                if let Some(i) = self.persons.iter().position(|p| &p.id == id) {
                    return Some(&mut self.persons[i].values);
                }
                self.firms
                    .iter_mut()
                    .find(|f| &f.id == id)
                    .map(|f| &mut f.values)
            }
            Holder::RoleLink { firm, index } => self
                .firms
                .iter_mut()
                .find(|f| &f.id == firm)?
                .roles
                .get_mut(*index)
                .map(|l| &mut l.values),
            Holder::Agent(index) => self.agents.get_mut(*index).map(|l| &mut l.values),
        }
    }

    /// The values kept at `holder`, to read.
    pub fn values_of(&self, holder: &Holder) -> Option<&Values> {
        match holder {
            Holder::Record(id) => self
                .persons
                .iter()
                .find(|p| &p.id == id)
                .map(|p| &p.values)
                .or_else(|| self.firms.iter().find(|f| &f.id == id).map(|f| &f.values)),
            Holder::RoleLink { firm, index } => self
                .firms
                .iter()
                .find(|f| &f.id == firm)?
                .roles
                .get(*index)
                .map(|l| &l.values),
            Holder::Agent(index) => self.agents.get(*index).map(|l| &l.values),
        }
    }

    /// Whether `id` is one of the firms.
    pub fn is_firm(&self, id: &str) -> bool {
        self.firms.iter().any(|f| f.id == id)
    }

    /// Adds a household member; returns the new id.
    pub fn add_person(&mut self, relation: Relation) -> String {
        let id = self.fresh_id("p");
        self.persons.push(PersonRecord {
            id: id.clone(),
            relation,
            values: Values::default(),
            unknown: BTreeMap::new(),
        });
        id
    }

    /// Adds a firm; returns the new id.
    pub fn add_firm(&mut self) -> String {
        let id = self.fresh_id("f");
        self.firms.push(FirmRecord {
            id: id.clone(),
            values: Values::default(),
            roles: Vec::new(),
            unknown: BTreeMap::new(),
        });
        id
    }

    /// Removes a firm, or a person other than the owner, with everything that refers to
    /// them: a firm's mandates; a person's role links and the mandates they act in or are
    /// the principal of. Returns whether anything was removed (the owner never is).
    pub fn remove_record(&mut self, id: &str) -> bool {
        if self.is_firm(id) {
            self.firms.retain(|f| f.id != id);
            self.agents.retain(|a| a.principal != id);
            return true;
        }
        if !self
            .person(id)
            .is_some_and(|p| p.relation != Relation::Owner)
        {
            return false;
        }
        self.persons.retain(|p| p.id != id);
        for firm in &mut self.firms {
            firm.roles.retain(|r| r.person != id);
        }
        self.agents.retain(|a| a.person != id && a.principal != id);
        true
    }

    /// Adds a role link to a firm, held by the owner until another person is chosen.
    pub fn add_role(&mut self, firm: &str, role: Role) {
        let owner = self.owner_mut().id.clone();
        if let Some(f) = self.firms.iter_mut().find(|f| f.id == firm) {
            f.roles.push(RoleLink {
                role,
                person: owner,
                values: Values::default(),
                unknown: BTreeMap::new(),
            });
        }
    }

    /// Removes a firm's role link; later links move up by one.
    pub fn remove_role(&mut self, firm: &str, index: usize) {
        if let Some(f) = self.firms.iter_mut().find(|f| f.id == firm)
            && index < f.roles.len()
        {
            f.roles.remove(index);
        }
    }

    /// Adds a mandate of the owner for the owner, until others are chosen.
    pub fn add_agent(&mut self) {
        let owner = self.owner_mut().id.clone();
        self.agents.push(AgentLink {
            person: owner.clone(),
            principal: owner,
            values: Values::default(),
            unknown: BTreeMap::new(),
        });
    }

    /// Notes that a mapped form was filled (for a bundle's progress), once.
    pub fn mark_filled(&mut self, form: &str) {
        if !self.filled_forms.iter().any(|f| f == form) {
            self.filled_forms.push(form.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn household() -> Profile {
        let mut p = Profile::new();
        let spouse = p.add_person(Relation::Spouse);
        let firm = p.add_firm();
        p.add_role(&firm, Role::LegalRep);
        p.add_role(&firm, Role::Shareholder);
        if let Some(link) = p.firms[0].roles.get_mut(1) {
            link.person = spouse.clone();
        }
        p.add_agent();
        p.agents[0].person = spouse.clone();
        p.add_agent();
        p.agents[1].principal = firm;
        p
    }

    #[test]
    fn each_kind_of_record_covers_its_own_elements() {
        assert!(person_scope().any(|k| k == Key::PersonIdNumber));
        assert!(person_scope().any(|k| k == Key::ContactMobile));
        assert!(!person_scope().any(|k| k == Key::FirmName));
        assert!(firm_scope().any(|k| k == Key::FirmUscc));
        assert!(firm_scope().any(|k| k == Key::ContactLandline));
        assert!(!firm_scope().any(|k| k == Key::PersonName));
        assert_eq!(role_scope(Role::LegalRep), vec![Key::RolePosition]);
        assert_eq!(role_scope(Role::Shareholder).len(), 3);
        assert!(agent_scope().all(|k| k.element().group == Group::Agent));
        assert!(agent_scope().next().is_some());
    }

    #[test]
    fn a_holders_draft_covers_its_record_and_writes_back_there() {
        let mut p = household();
        let owner = p.persons[0].id.clone();
        let person = p
            .draft_of(&Holder::Record(owner.clone()))
            .unwrap_or_default();
        assert!(person.scope().any(|k| k == Key::PersonName));
        let firm = p.draft_of(&Holder::Record("f1".into())).unwrap_or_default();
        assert!(firm.scope().any(|k| k == Key::FirmName));
        assert!(!firm.scope().any(|k| k == Key::PersonName));
        let link = p
            .draft_of(&Holder::RoleLink {
                firm: "f1".into(),
                index: 1,
            })
            .unwrap_or_default();
        assert_eq!(link.scope().count(), 3, "a shareholder's contribution");
        assert!(p.draft_of(&Holder::Agent(1)).is_some());
        assert!(p.draft_of(&Holder::Agent(2)).is_none());
        assert!(p.draft_of(&Holder::Record("x".into())).is_none());
        assert!(p.values_of_mut(&Holder::Record(owner)).is_some());
        assert!(
            p.values_of_mut(&Holder::RoleLink {
                firm: "f1".into(),
                index: 2
            })
            .is_none()
        );
    }

    #[test]
    fn removing_a_person_removes_their_roles_and_mandates() {
        let mut p = household();
        let spouse = p.persons[1].id.clone();
        assert!(p.remove_record(&spouse));
        assert_eq!(p.persons.len(), 1);
        assert_eq!(p.firms[0].roles.len(), 1, "the spouse's shareholding went");
        assert_eq!(p.firms[0].roles[0].role, Role::LegalRep);
        assert_eq!(p.agents.len(), 1, "the mandate the spouse acted in went");
        assert_eq!(p.agents[0].principal, "f1");
    }

    #[test]
    fn removing_a_firm_removes_the_mandates_for_it_and_the_owner_stays() {
        let mut p = household();
        assert!(p.remove_record("f1"));
        assert!(p.firms.is_empty());
        assert_eq!(p.agents.len(), 1);
        assert_ne!(p.agents[0].principal, "f1");
        let owner = p.persons[0].id.clone();
        assert!(!p.remove_record(&owner), "the owner is never removed");
        assert!(!p.remove_record("nobody"));
        assert_eq!(p.persons.len(), 2);
    }

    #[test]
    fn links_are_added_for_the_owner_and_removed_by_position() {
        let mut p = household();
        let owner = p.persons[0].id.clone();
        p.add_role("f1", Role::Liaison);
        assert_eq!(p.firms[0].roles[2].person, owner);
        p.add_role("nowhere", Role::Liaison);
        p.remove_role("f1", 0);
        p.remove_role("f1", 9);
        let roles: Vec<Role> = p.firms[0].roles.iter().map(|r| r.role).collect();
        assert_eq!(roles, vec![Role::Shareholder, Role::Liaison]);
    }

    #[test]
    fn a_filled_form_is_noted_once() {
        let mut p = Profile::new();
        p.mark_filled("a");
        p.mark_filled("a");
        p.mark_filled("b");
        assert_eq!(p.filled_forms, vec!["a".to_string(), "b".to_string()]);
    }
}
