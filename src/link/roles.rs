//! Words by which an answer says what it answers ([`ROLES`]): a speaker who rejects "the
//! accusations" or speaks of its innocence answers the claims made about it; one who denies "what
//! the newspaper published" answers the newspaper's statements.

// Tables built from data files and probed with words of the text: no table is keyed by the input.
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::clitics;
use crate::normalize::fold;

/// The role words, read by [`Roles::get`].
pub const ROLES: &str = include_str!("../lexicon/roles.tsv");

/// What a word says about what an answer answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Charges against someone (الاتهامات، المزاعم).
    Accusation,
    /// The speaker clears itself (براءتها).
    Innocence,
    /// One's part in an act (مسؤولية، تورط).
    Involvement,
    /// A verb of publishing after ما or a relative (ما نشرته).
    Report,
    /// A name kept back (هويته، اسمه).
    Identity,
}

/// The role words, by folded form.
#[derive(Debug, Default)]
pub struct Roles {
    words: HashMap<String, Role>,
}

impl Roles {
    /// The embedded table.
    pub fn get() -> &'static Roles {
        static ROLES_TABLE: OnceLock<Roles> = OnceLock::new();
        ROLES_TABLE.get_or_init(|| Roles::parse(ROLES))
    }

    fn parse(text: &str) -> Roles {
        let mut r = Roles::default();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((word, role)) = line.split_once('\t') else {
                continue;
            };
            let role = match role.trim() {
                "accusation" => Role::Accusation,
                "innocence" => Role::Innocence,
                "involvement" => Role::Involvement,
                "report" => Role::Report,
                "identity" => Role::Identity,
                _ => continue,
            };
            r.words.insert(fold(word.trim()), role);
        }
        r
    }

    /// The role of a folded word, read as written or without a conjunction, and (a noun)
    /// without a preposition or the article.
    pub fn of(&self, word: &str) -> Option<Role> {
        clitics::without_conjunction(word).find_map(|(_, r)| {
            self.words.get(r).copied().or_else(|| {
                let bare = clitics::without_preposition(r).unwrap_or(r);
                let noun = clitics::without_article(bare);
                [clitics::without_article(r), noun]
                    .iter()
                    .find_map(|x| self.words.get(*x))
                    .copied()
                    .filter(|&role| role != Role::Report)
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nouns_match_without_clitics_and_verbs_as_written() {
        let r = Roles::get();
        // Words come folded from the document.
        let of = |w: &str| r.of(&fold(w));
        assert_eq!(of("الاتهامات"), Some(Role::Accusation));
        assert_eq!(of("والمزاعم"), Some(Role::Accusation));
        assert_eq!(of("بالمسؤولية"), Some(Role::Involvement));
        assert_eq!(of("نشرته"), Some(Role::Report));
        assert_eq!(of("هويتها"), Some(Role::Identity));
        // A verb of publishing is read as written: النشر is no pointer, يتصل no صلة.
        assert_eq!(of("النشر"), None);
        assert_eq!(of("يتصل"), None);
    }
}
