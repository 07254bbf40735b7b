//! The regulatory checklist of a synergy: which obligations follow the material it moves, each
//! with its legal reference in French and English, and where the group stands on each.
//!
//! [`checklist`] derives from the synergy's flows which items apply: the status of the material
//! (waste, by-product, end-of-waste, product) when matter goes from one firm to another; the
//! waste obligations (the receiver's ICPE heading, the transporter's declaration, the waste
//! register, Trackdéchets for hazardous waste) when the material is a waste; the animal
//! by-product category; the spreading plan when sludge goes to a farm. Heat, water and shared
//! services carry none of them: their items are "not applicable" by derivation. The group's
//! answers (done, to do, not applicable, with a note) are stored on the synergy
//! ([`Synergy::regulatory`]); an item without an answer shows its derived status.
//!
//! The material status the group records decides the waste items: a by-product (L541-4-2),
//! an end-of-waste material (L541-4-3) or a product is not a waste, so the waste obligations
//! do not follow it. A pooled waste collection moves waste by definition.
//!
//! References to have checked by a jurist (not verified against the official text when this
//! module was written): the ICPE headings suggested per material (2713, 2714, 2716, 2718,
//! 2770, 2771, 2780, 2781, 2790, 2791, 2910-B); the range D541-12-4 and following for the
//! end-of-waste procedure; the articles of Regulation (EC) 1069/2009 beyond the categories
//! (Art. 21, 23, 24) and the category 2 reading of slaughterhouse effluent sludge (Art. 9(b));
//! L512-1, L512-7, L512-8 as the articles of each ICPE regime. Verified (public sources):
//! L541-4-2, L541-4-3, R541-50 to R541-54 with their thresholds and the order of 12 August
//! 1998, R541-43 and R541-43-1 with the order of 31 May 2021, R541-45 with decree 2021-321 and
//! the orders of 21 December 2021 (Trackdéchets since 1 January 2022), the order of 29 July
//! 2014 (wood packaging shreds as biomass fuel), the order of 4 June 2021 (excavated soils and
//! sediments), Regulation (EC) 1069/2009 Art. 9(a) (manure, category 2).

use crate::kb::classify::{effective_category, is_sludge_code};
use crate::model::{
    Actor, ChecklistEntry, ChecklistItem, Direction, Family, Flow, ItemStatus, MaterialStatus,
    Project, ResourceCategory, Synergy, SynergyKind,
};
use crate::refdata::waste::{self, WasteCode};
use crate::{Bilingual, Lang, bilingual};

use ResourceCategory as C;

/// One item of a synergy's checklist, derived and answered.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub item: ChecklistItem,
    /// Whether the item applies to this synergy, from its flows and the material status
    /// recorded.
    pub applies: bool,
    /// Why it applies or not, and what to check.
    pub detail: Bilingual,
    /// The legal texts, in each language.
    pub reference: Bilingual,
    /// The recorded status, or the derived one: to do where the item applies, not applicable
    /// where it does not.
    pub status: ItemStatus,
    /// The group's answer, if it gave one.
    pub entry: Option<ChecklistEntry>,
}

impl Check {
    /// Whether the card and the deliverables show it: it applies, or the group answered it.
    pub fn shown(&self) -> bool {
        self.applies || self.entry.is_some()
    }
}

/// The checklist of a synergy: every item in [`ChecklistItem::ALL`] order.
pub fn checklist(p: &Project, s: &Synergy) -> Vec<Check> {
    let facts = Facts::of(p, s);
    ChecklistItem::ALL
        .iter()
        .map(|&item| {
            let (applies, detail) = facts.derive(item);
            let entry = s.checklist_entry(item).cloned();
            let status = entry.as_ref().map_or(
                if applies {
                    ItemStatus::ToDo
                } else {
                    ItemStatus::NotApplicable
                },
                |e| e.status,
            );
            Check {
                item,
                applies,
                detail,
                reference: facts.reference(item),
                status,
                entry,
            }
        })
        .collect()
}

/// The synergy with the status of `item` set (its entry added if needed): the value the card
/// sends as an `UpdateSynergy` command, so the change is undoable like any edit.
pub fn with_status(s: &Synergy, item: ChecklistItem, status: ItemStatus) -> Synergy {
    edit_entry(s, item, |e| e.status = status)
}

/// The synergy with the material's status recorded (or cleared with `None`): answering what
/// the material is marks the item done.
pub fn with_material(s: &Synergy, material: Option<MaterialStatus>) -> Synergy {
    edit_entry(s, ChecklistItem::MaterialStatus, |e| {
        e.material = material;
        if material.is_some() {
            e.status = ItemStatus::Done;
        }
    })
}

/// The synergy with the note of `item` replaced.
pub fn with_note(s: &Synergy, item: ChecklistItem, note: &str) -> Synergy {
    edit_entry(s, item, |e| e.note = note.trim().to_string())
}

fn edit_entry(s: &Synergy, item: ChecklistItem, f: impl FnOnce(&mut ChecklistEntry)) -> Synergy {
    let mut out = s.clone();
    let i = match out.regulatory.iter().position(|e| e.item == item) {
        Some(i) => i,
        None => {
            out.regulatory
                .push(ChecklistEntry::new(item, ItemStatus::ToDo));
            out.regulatory.len() - 1
        }
    };
    f(&mut out.regulatory[i]);
    out.regulatory.sort_by_key(|e| e.item);
    out
}

/// NAF prefixes (digits) of farms with land: crops, livestock, mixed farming, support to
/// agriculture (spreading contractors among them). The same as `kb::regulation`.
const FARMS: &[&str] = &["011", "012", "013", "014", "015", "016"];
/// Meat (10.1), fish (10.2) and dairy (10.5) processing, and catering (56): what they
/// discard of food contains animal products.
const ANIMAL_FOOD_MAKERS: &[&str] = &["101", "102", "105", "56"];

/// Animal by-product codes and the category they usually fall in (Regulation (EC)
/// 1069/2009, Art. 8 to 10), as a short bilingual reading.
const ANIMAL_CODES: &[(&str, Category)] = &[
    ("020102", Category::ThreeUsually),
    ("020106", Category::Two),
    ("020201", Category::Two),
    ("020202", Category::ThreeUsually),
    ("020203", Category::ThreeUsually),
    ("020204", Category::Two),
    ("020299", Category::ThreeUsually),
    ("020501", Category::Three),
    ("020601", Category::ThreeIfAnimal),
    ("200108", Category::Catering),
    ("200125", Category::Catering),
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Category {
    /// Manure, digestive tract content (Art. 9(a)); slaughterhouse effluent sludge (Art. 9(b),
    /// to verify).
    Two,
    /// Raw meat and fish: category 3 (Art. 10) unless unfit for a health reason.
    ThreeUsually,
    /// Dairy products no longer meant for food (Art. 10(e) and (f)).
    Three,
    /// Former foodstuffs containing animal products (Art. 10(f)).
    ThreeIfAnimal,
    /// Catering waste (Art. 10(p)); category 1 when from international transport.
    Catering,
    /// No code tells: food waste of a meat, fish or dairy maker or a caterer.
    Unknown,
}

impl Category {
    fn text(self, l: Lang) -> &'static str {
        match self {
            Self::Two => l.pick(
                "catégorie 2 (lisier, fumier, contenu digestif, boues d'abattoir : art. 9)",
                "category 2 (manure, digestive tract content, slaughterhouse sludge: Art. 9)",
            ),
            Self::ThreeUsually => l.pick(
                "catégorie 3 en général (art. 10), 1 ou 2 si la matière est impropre pour raison sanitaire (art. 8 et 9)",
                "usually category 3 (Art. 10), 1 or 2 when unfit for a health reason (Art. 8 and 9)",
            ),
            Self::Three => l.pick(
                "catégorie 3 (produits laitiers qui ne sont plus destinés à l'alimentation humaine : art. 10)",
                "category 3 (dairy products no longer meant for food: Art. 10)",
            ),
            Self::ThreeIfAnimal => l.pick(
                "catégorie 3 s'ils contiennent des produits d'origine animale (lait, œufs : art. 10, f)",
                "category 3 when they contain animal products (milk, eggs: Art. 10(f))",
            ),
            Self::Catering => l.pick(
                "catégorie 3 (déchets de cuisine et de table : art. 10, p), catégorie 1 s'ils viennent de moyens de transport internationaux",
                "category 3 (catering waste: Art. 10(p)), category 1 when from international transport",
            ),
            Self::Unknown => l.pick(
                "catégorie à déterminer (1, 2 ou 3 : art. 8 à 10)",
                "category to determine (1, 2 or 3: Art. 8 to 10)",
            ),
        }
    }
}

/// Urban wastewater and septic-tank sludge: spread under the sewage-sludge rules.
const SEWAGE_SLUDGES: &[&str] = &["190805", "200304"];

/// End-of-waste criteria that exist for a material: the text's French and English names.
struct Criteria {
    codes: &'static [&'static str],
    category: Option<ResourceCategory>,
    fr: &'static str,
    en: &'static str,
}

const END_OF_WASTE: &[Criteria] = &[
    Criteria {
        codes: &["150103"],
        category: None,
        fr: "arrêté du 29 juillet 2014 (broyats d'emballages en bois, combustible biomasse)",
        en: "French order of 29 July 2014 (shredded wood packaging as biomass fuel)",
    },
    Criteria {
        codes: &["170503", "170504", "170505", "170506", "200202"],
        category: None,
        fr: "arrêté du 4 juin 2021 (terres excavées et sédiments, génie civil et aménagement)",
        en: "French order of 4 June 2021 (excavated soils and sediments for civil works)",
    },
    Criteria {
        codes: &[
            "120101", "120102", "120103", "120104", "150104", "160117", "160118", "170401",
            "170402", "170403", "170405", "170407", "191202", "191203", "200140",
        ],
        category: Some(C::Metals),
        fr: "règlement (UE) 333/2011 (ferrailles, aluminium) ; règlement (UE) 715/2013 (cuivre)",
        en: "Regulation (EU) 333/2011 (iron, steel and aluminium scrap); Regulation (EU) 715/2013 (copper scrap)",
    },
    Criteria {
        codes: &["101112", "150107", "160120", "170202", "191205", "200102"],
        category: Some(C::Glass),
        fr: "règlement (UE) 1179/2012 (calcin de verre)",
        en: "Regulation (EU) 1179/2012 (glass cullet)",
    },
];

/// What the checklist needs to know of a synergy, read once.
struct Facts<'a> {
    kind: SynergyKind,
    /// Offers moving matter: family waste or matter, or a waste code.
    matter: Vec<&'a Flow>,
    /// Of those, the ones a waste: family waste or a waste code.
    waste: Vec<&'a Flow>,
    codes: Vec<&'static WasteCode>,
    receivers: Vec<&'a Actor>,
    donors: Vec<&'a Actor>,
    recorded: Option<MaterialStatus>,
}

fn naf_in(actor: &Actor, prefixes: &[&str]) -> bool {
    actor.naf.as_deref().is_some_and(|naf| {
        let digits: String = naf.chars().filter(char::is_ascii_digit).collect();
        prefixes.iter().any(|p| digits.starts_with(p))
    })
}

fn code_of(f: &Flow) -> Option<&'static WasteCode> {
    f.waste_code.as_deref().and_then(waste::lookup)
}

fn codes_text(codes: &[&WasteCode]) -> String {
    codes
        .iter()
        .map(|c| c.display_with_star())
        .collect::<Vec<_>>()
        .join(", ")
}

impl<'a> Facts<'a> {
    fn of(p: &'a Project, s: &Synergy) -> Self {
        let flows: Vec<&Flow> = s.flows.iter().filter_map(|f| p.flow(f)).collect();
        let offers = flows.iter().filter(|f| f.direction == Direction::Offer);
        let matter: Vec<&Flow> = offers
            .filter(|f| {
                matches!(f.family, Family::Waste | Family::Matter) || f.waste_code.is_some()
            })
            .copied()
            .collect();
        let waste: Vec<&Flow> = matter
            .iter()
            .filter(|f| f.family == Family::Waste || f.waste_code.is_some())
            .copied()
            .collect();
        let mut codes: Vec<&'static WasteCode> = matter.iter().filter_map(|f| code_of(f)).collect();
        codes.sort_by(|a, b| a.code.cmp(&b.code));
        codes.dedup_by(|a, b| a.code == b.code);
        let donor_ids: Vec<_> = matter.iter().map(|f| &f.actor).collect();
        let donors = donor_ids.iter().filter_map(|a| p.actor(a)).collect();
        // The receivers: the actors of the needs; without a need, the members giving nothing.
        let mut receiver_ids: Vec<_> = flows
            .iter()
            .filter(|f| f.direction == Direction::Need)
            .map(|f| &f.actor)
            .collect();
        if receiver_ids.is_empty() && s.kind == SynergyKind::Substitution {
            receiver_ids = s.actors.iter().filter(|a| !donor_ids.contains(a)).collect();
        }
        let receivers = receiver_ids.iter().filter_map(|a| p.actor(a)).collect();
        Facts {
            kind: s.kind,
            matter,
            waste,
            codes,
            receivers,
            donors,
            recorded: s.material_status(),
        }
    }

    fn hazardous(&self) -> Vec<&'static WasteCode> {
        self.codes.iter().copied().filter(|c| c.hazardous).collect()
    }

    fn categories(&self) -> Vec<ResourceCategory> {
        let mut out: Vec<ResourceCategory> = self
            .matter
            .iter()
            .filter_map(|f| effective_category(f))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Whether the waste obligations follow the material: some offer is a waste and the group
    /// did not record it as something else, or a pooled collection (waste by definition).
    fn is_waste(&self) -> bool {
        if self.waste.is_empty() {
            return self.recorded == Some(MaterialStatus::Waste) && !self.matter.is_empty();
        }
        self.kind == SynergyKind::Mutualisation
            || self.recorded.is_none_or(MaterialStatus::is_waste)
    }

    /// Why the waste items do not apply.
    fn no_waste(&self) -> Bilingual {
        match self.recorded {
            Some(m) if !m.is_waste() && !self.matter.is_empty() => bilingual!(
                |l| "Matière enregistrée comme « {} » : les obligations propres aux déchets ne la suivent pas, tant que les conditions de ce statut restent remplies.",
                "Material recorded as \"{}\": the obligations of waste do not follow it, as long as the conditions of that status hold.",
                m.label(l)
            ),
            _ if self.matter.is_empty() => Bilingual::new(
                "La synergie ne déplace ni déchet ni matière (énergie, eau ou service) : sans objet.",
                "The synergy moves neither waste nor matter (energy, water or a service): not applicable.",
            ),
            _ => Bilingual::new(
                "Matière sans code déchet ni famille « déchet » : sans objet tant que son statut n'est pas enregistré comme déchet.",
                "Matter without a waste code or the waste family: not applicable unless its status is recorded as waste.",
            ),
        }
    }

    fn animal(&self) -> Option<Category> {
        let by_code = self.codes.iter().find_map(|c| {
            ANIMAL_CODES
                .iter()
                .find(|(code, _)| *code == c.code)
                .map(|(_, cat)| *cat)
        });
        by_code.or_else(|| {
            let food = self
                .matter
                .iter()
                .filter(|f| f.waste_code.is_none())
                .any(|f| matches!(effective_category(f), Some(C::FoodByproducts | C::Organic)));
            (food && self.donors.iter().any(|a| naf_in(a, ANIMAL_FOOD_MAKERS)))
                .then_some(Category::Unknown)
        })
    }

    fn sludge(&self) -> bool {
        self.codes.iter().any(|c| is_sludge_code(c))
            || self
                .matter
                .iter()
                .any(|f| f.waste_code.is_none() && effective_category(f) == Some(C::Sludge))
    }

    fn to_farm(&self) -> bool {
        self.receivers.iter().any(|a| naf_in(a, FARMS))
    }

    fn sewage(&self) -> bool {
        self.codes
            .iter()
            .any(|c| SEWAGE_SLUDGES.contains(&c.code.as_str()))
    }

    fn end_of_waste(&self) -> Vec<&'static Criteria> {
        let categories = self.categories();
        END_OF_WASTE
            .iter()
            .filter(|k| {
                self.codes
                    .iter()
                    .any(|c| k.codes.contains(&c.code.as_str()))
                    || k.category.is_some_and(|kc| {
                        categories.contains(&kc) && self.codes.iter().all(|c| !c.hazardous)
                    })
            })
            .collect()
    }

    /// ICPE headings a receiver of this waste usually falls under, for the facilitator to
    /// check with the receiver's permit. To verify by a jurist (see the module comment).
    fn icpe_headings(&self, l: Lang) -> Vec<&'static str> {
        let mut out = Vec::new();
        if !self.hazardous().is_empty() {
            out.push(l.pick(
                "2718 (transit, regroupement, tri de déchets dangereux), 2790 (traitement de déchets dangereux), 2770 (traitement thermique de déchets dangereux)",
                "2718 (transit, grouping, sorting of hazardous waste), 2790 (treatment of hazardous waste), 2770 (thermal treatment of hazardous waste)",
            ));
        }
        let categories = self.categories();
        let has = |c: &[ResourceCategory]| categories.iter().any(|x| c.contains(x));
        if has(&[C::Metals]) {
            out.push(l.pick(
                "2713 (transit, regroupement, tri de métaux)",
                "2713 (transit, grouping, sorting of metals)",
            ));
        }
        if has(&[C::PaperCardboard, C::Plastics, C::Wood, C::Textiles]) {
            out.push(l.pick(
                "2714 (transit, regroupement, tri de papiers, cartons, plastiques, bois, textiles)",
                "2714 (transit, grouping, sorting of paper, board, plastics, wood, textiles)",
            ));
        }
        if has(&[C::Wood, C::Biomass])
            && self.receivers.iter().any(|a| naf_in(a, &["3511", "3530"]))
        {
            out.push(l.pick(
                "2910-B ou 2771 (combustion de bois qui reste un déchet)",
                "2910-B or 2771 (burning wood that is still a waste)",
            ));
        }
        if has(&[C::Organic, C::FoodByproducts, C::Sludge]) {
            out.push(l.pick(
                "2780 (compostage), 2781 (méthanisation)",
                "2780 (composting), 2781 (anaerobic digestion)",
            ));
        }
        if out.is_empty() {
            out.push(l.pick(
                "2716 (transit, regroupement, tri de déchets non dangereux), 2791 (traitement de déchets non dangereux)",
                "2716 (transit, grouping, sorting of non-hazardous waste), 2791 (treatment of non-hazardous waste)",
            ));
        }
        out
    }

    fn derive(&self, item: ChecklistItem) -> (bool, Bilingual) {
        use ChecklistItem as I;
        let waste = self.is_waste();
        match item {
            I::MaterialStatus => {
                if self.kind == SynergyKind::Mutualisation {
                    let text = if self.waste.is_empty() {
                        self.no_waste()
                    } else {
                        Bilingual::new(
                            "Collecte mutualisée : la matière reste un déchet jusqu'à sa valorisation.",
                            "Pooled collection: the material stays a waste until it is recovered.",
                        )
                    };
                    return (false, text);
                }
                if self.matter.is_empty() {
                    return (false, self.no_waste());
                }
                let criteria = self.end_of_waste();
                let text = Bilingual::from_fn(|l| {
                    let mut t = l
                        .pick(
                            "Déchet, sous-produit (toutes les conditions de l'art. L541-4-2 : utilisation certaine, directe, issue intégrante d'une production, conforme aux exigences de l'usage) ou sortie du statut de déchet (art. L541-4-3, après une valorisation et selon des critères fixés)",
                            "Waste, by-product (every condition of Art. L541-4-2: certain use, direct use, integral part of a production, meets the requirements of the use) or end-of-waste (Art. L541-4-3, after recovery and under set criteria)",
                        )
                        .to_string();
                    if !criteria.is_empty() {
                        t += &bilingual!(in l,
                            " ; critères de sortie du statut de déchet existants : {}",
                            "; end-of-waste criteria that exist: {}",
                            criteria.iter().map(|k| l.pick(k.fr, k.en)).collect::<Vec<_>>().join(" ; ")
                        );
                    }
                    t + "."
                });
                (true, text)
            }
            I::ReceiverIcpe => {
                if !waste {
                    return (false, self.no_waste());
                }
                let text = Bilingual::from_fn(|l| {
                    bilingual!(in l,
                        "Recevoir un déchet peut classer le receveur comme installation de gestion de déchets : vérifier la rubrique et le régime (déclaration, enregistrement, autorisation) de son arrêté ; rubriques habituelles : {} ; une autorisation nouvelle peut demander jusqu'à deux ans.",
                        "Taking in waste can make the receiver a waste installation: check the heading and regime (declaration, registration, authorisation) of its permit; usual headings: {}; a new authorisation can take up to two years.",
                        self.icpe_headings(l).join(" ; ")
                    )
                });
                (true, text)
            }
            I::AnimalByproduct => match self.animal() {
                Some(cat) => (
                    true,
                    Bilingual::from_fn(|l| {
                        bilingual!(in l,
                            "Sous-produit animal : {} ; le receveur est enregistré ou agréé pour cette catégorie, chaque envoi suit un document commercial.",
                            "Animal by-product: {}; the receiver is registered or approved for that category, each consignment travels with a commercial document.",
                            cat.text(l)
                        )
                    }),
                ),
                None => (
                    false,
                    Bilingual::new(
                        "Aucun sous-produit animal reconnu dans les flux (code déchet ou activité du donneur).",
                        "No animal by-product recognised in the flows (waste code or the donor's activity).",
                    ),
                ),
            },
            I::SpreadingPlan => {
                if self.sludge() && self.to_farm() {
                    let text = Bilingual::new(
                        "Boues vers une exploitation agricole : épandage seulement après une étude préalable et dans le cadre d'un plan d'épandage (parcelles, doses, analyses des boues et des sols, registre d'épandage).",
                        "Sludge to a farm: spreading only after a prior study and under a spreading plan (plots, doses, sludge and soil analyses, spreading register).",
                    );
                    (true, text)
                } else {
                    let text = Bilingual::new(
                        "Pas de boues vers une exploitation agricole dans cette synergie.",
                        "No sludge going to a farm in this synergy.",
                    );
                    (false, text)
                }
            }
            I::TransporterDeclaration => {
                if !waste {
                    return (false, self.no_waste());
                }
                let text = Bilingual::new(
                    "Le transporteur est déclaré en préfecture au-delà de 0,1 t par chargement de déchets dangereux ou 0,5 t de déchets non dangereux ; exemptés : le producteur qui transporte ses propres déchets, les déblais et gravats inertes propres et triés.",
                    "The transporter is declared to the prefect above 0.1 t per load of hazardous waste or 0.5 t of non-hazardous waste; exempted: a producer carrying its own waste, clean sorted inert rubble and soil.",
                );
                (true, text)
            }
            I::WasteRegister => {
                if !waste {
                    return (false, self.no_waste());
                }
                let text = Bilingual::new(
                    "Le producteur inscrit chaque expédition, le receveur chaque réception, dans leur registre chronologique des déchets (conservé trois ans) ; déchets dangereux : déclarés au registre national.",
                    "The producer records each shipment, the receiver each reception, in their chronological waste register (kept three years); hazardous waste: declared to the national register.",
                );
                (true, text)
            }
            I::Trackdechets => {
                let hazardous = self.hazardous();
                let uncoded = self.waste.iter().any(|f| {
                    f.waste_code.is_none()
                        && matches!(effective_category(f), Some(C::Chemicals | C::OilsSolvents))
                });
                if waste && !hazardous.is_empty() {
                    let codes = codes_text(&hazardous);
                    (
                        true,
                        bilingual!(
                            |l| "Déchet dangereux ({codes}) : chaque enlèvement suit un bordereau de suivi dématérialisé dans Trackdéchets, du producteur à l'installation de traitement.",
                            "Hazardous waste ({codes}): each collection follows an electronic tracking form in Trackdéchets, from the producer to the treatment plant."
                        ),
                    )
                } else if waste && uncoded {
                    (
                        true,
                        Bilingual::new(
                            "Produits chimiques, huiles ou solvants sans code déchet : dangereux le plus souvent ; s'ils le sont, bordereau dans Trackdéchets. Donner le code pour trancher.",
                            "Chemicals, oils or solvents without a waste code: usually hazardous; if so, a Trackdéchets form. Give the code to decide.",
                        ),
                    )
                } else if !waste {
                    (false, self.no_waste())
                } else {
                    (
                        false,
                        Bilingual::new(
                            "Aucun déchet dangereux (code à astérisque) dans les flux de la synergie.",
                            "No hazardous waste (starred code) in the synergy's flows.",
                        ),
                    )
                }
            }
        }
    }

    fn reference(&self, item: ChecklistItem) -> Bilingual {
        use ChecklistItem as I;
        let fixed = |fr: &'static str, en: &'static str| {
            Bilingual::from_fn(move |l| l.pick(fr, en).to_string())
        };
        match item {
            I::MaterialStatus => {
                let criteria = self.end_of_waste();
                Bilingual::from_fn(|l| {
                    let mut t = l
                        .pick(
                            "Code de l'environnement, art. L541-1-1 (déchet), L541-4-2 (sous-produit), L541-4-3 et D541-12-4 s. (sortie du statut de déchet)",
                            "French environment code, Art. L541-1-1 (waste), L541-4-2 (by-product), L541-4-3 and D541-12-4 ff. (end-of-waste)",
                        )
                        .to_string();
                    for k in &criteria {
                        t += " ; ";
                        t += l.pick(k.fr, k.en);
                    }
                    t
                })
            }
            I::ReceiverIcpe => fixed(
                "Code de l'environnement, art. L511-1, L512-1 (autorisation), L512-7 (enregistrement), L512-8 (déclaration) ; nomenclature annexée à l'art. R511-9, rubriques 27xx",
                "French environment code, Art. L511-1, L512-1 (authorisation), L512-7 (registration), L512-8 (declaration); nomenclature annexed to Art. R511-9, headings 27xx",
            ),
            I::AnimalByproduct => fixed(
                "Règlement (CE) 1069/2009, art. 8 à 10 (catégories), art. 21 (document commercial), art. 23 et 24 (enregistrement, agrément) ; règlement (UE) 142/2011",
                "Regulation (EC) 1069/2009, Art. 8 to 10 (categories), Art. 21 (commercial document), Art. 23 and 24 (registration, approval); Regulation (EU) 142/2011",
            ),
            I::SpreadingPlan if self.sewage() => fixed(
                "Code de l'environnement, art. R211-25 à R211-47 ; arrêté du 8 janvier 1998 (épandage des boues)",
                "French environment code, Art. R211-25 to R211-47; order of 8 January 1998 (sewage sludge spreading)",
            ),
            I::SpreadingPlan => fixed(
                "arrêté du 2 février 1998, art. 36 à 42 (installations classées) ; boues urbaines : arrêté du 8 janvier 1998",
                "French order of 2 February 1998, Art. 36 to 42 (classified installations); sewage sludge: order of 8 January 1998",
            ),
            I::TransporterDeclaration => fixed(
                "Code de l'environnement, art. R541-50 à R541-54 ; arrêté du 12 août 1998",
                "French environment code, Art. R541-50 to R541-54; order of 12 August 1998",
            ),
            I::WasteRegister => fixed(
                "Code de l'environnement, art. R541-43 et R541-43-1 ; arrêté du 31 mai 2021 (contenu des registres)",
                "French environment code, Art. R541-43 and R541-43-1; order of 31 May 2021 (content of the registers)",
            ),
            I::Trackdechets => fixed(
                "Code de l'environnement, art. R541-45 ; décret 2021-321 du 25 mars 2021 ; arrêtés du 21 décembre 2021 (traçabilité dématérialisée)",
                "French environment code, Art. R541-45; decree 2021-321 of 25 March 2021; orders of 21 December 2021 (electronic tracking)",
            ),
        }
    }
}

#[cfg(test)]
#[path = "checklist_tests.rs"]
mod tests;
