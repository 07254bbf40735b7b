//! The demonstration's companies and flows, as tables. All fictional.

use crate::model::*;
use Confidentiality::{Anonymised, Private, Public};
use Direction::{Need, Offer};
use Family::{Energy, Equipment, Matter, Service, Skill, Waste, Water};
use Period::{Month, Year};
use ResourceCategory as R;
use Unit::{CubicMetre, Hour, Kilowatt, MegawattHour, Tonne};

pub struct Company {
    pub name: &'static str,
    pub naf: &'static str,
    /// INSEE headcount band code.
    pub headcount: &'static str,
    pub address: &'static str,
    pub commune: &'static str,
    pub lat: f64,
    pub lon: f64,
    pub tags: &'static [&'static str],
}

const BIG: &str = "2B037"; // Biguglia
const FUR: &str = "2B120"; // Furiani

macro_rules! company {
    ($name:literal, $naf:literal, $hc:literal, $addr:literal, $com:expr, $lat:literal, $lon:literal $(, $tag:literal)*) => {
        Company { name: $name, naf: $naf, headcount: $hc, address: $addr, commune: $com, lat: $lat, lon: $lon, tags: &[$($tag),*] }
    };
}

#[rustfmt::skip]
pub const COMPANIES: [Company; 40] = [
    company!("Boulangerie du Golo", "10.71C", "11", "12 route de la Marana", BIG, 42.6218, 9.4331, "alimentaire"),
    company!("Brasserie de la Marana", "11.05Z", "12", "ZA de Tragone, lot 4", BIG, 42.6187, 9.4402, "alimentaire"),
    company!("Laiterie Biguglienne", "10.51C", "21", "ZA de Tragone, lot 9", BIG, 42.6172, 9.4376, "alimentaire"),
    company!("Scierie Orsini & Fils", "16.10A", "11", "Chemin de Casatorra", BIG, 42.6093, 9.4259, "bois"),
    company!("Menuiserie Santucci", "16.23Z", "03", "ZA de Tragone, lot 12", BIG, 42.6155, 9.4349, "bois"),
    company!("Béton du Bevinco", "23.63Z", "12", "Route de l'étang", BIG, 42.6121, 9.4447, "BTP"),
    company!("Métallerie Casanova", "25.11Z", "11", "ZA de Tragone, lot 15", BIG, 42.6199, 9.4288, "métal"),
    company!("Garage de Purettone", "45.20A", "03", "Zone de Purettone", FUR, 42.6402, 9.4351),
    company!("Imprimerie du Cap", "18.12Z", "11", "Zone de Purettone, bât. B", FUR, 42.6418, 9.4322),
    company!("Plastiques Corses Injection", "22.22Z", "21", "ZA de Tragone, lot 20", BIG, 42.6228, 9.4414, "plastique"),
    company!("Entrepôts Marana Logistique", "52.10B", "12", "Route nationale 193, km 6", BIG, 42.6251, 9.4362, "logistique"),
    company!("Hypermarché du Golo", "47.11F", "31", "Centre commercial de la Marana", BIG, 42.6264, 9.4301, "commerce"),
    company!("EHPAD Les Oliviers", "87.10A", "21", "Lieu-dit Ceppe", BIG, 42.6311, 9.4275, "santé"),
    company!("Hôtel de l'Étang", "55.10Z", "11", "Route de l'étang", BIG, 42.6139, 9.4489, "tourisme"),
    company!("Restaurant U Fornu", "56.10A", "03", "Zone de Purettone", FUR, 42.6389, 9.4368, "alimentaire"),
    company!("Blanchisserie de Haute-Corse", "96.01A", "12", "ZA de Tragone, lot 22", BIG, 42.6207, 9.4433, "services"),
    company!("Serres de Casatorra", "01.13Z", "03", "Plaine de Casatorra", BIG, 42.6068, 9.4310, "agriculture"),
    company!("Cave coopérative de la Marana", "11.02B", "11", "Route de Borgo", BIG, 42.6059, 9.4384, "viticulture"),
    company!("Compostière du Nebbio", "38.21Z", "03", "Chemin du Bevinco", BIG, 42.6101, 9.4235, "déchets"),
    company!("Collecte Services Corse", "38.11Z", "12", "Zone de Purettone, lot 3", FUR, 42.6435, 9.4297, "déchets"),
    company!("Recyclerie Bastiaise", "38.32Z", "11", "Zone de Purettone, lot 7", FUR, 42.6447, 9.4340, "déchets"),
    company!("Datacentre Tyrrhénien", "63.11Z", "11", "ZA de Tragone, lot 30", BIG, 42.6239, 9.4452, "numérique"),
    company!("Froid Corse Entreposage", "52.10A", "11", "Route nationale 193, km 5", BIG, 42.6276, 9.4380, "logistique"),
    company!("Coopérative agricole Golo-Marana", "46.21Z", "11", "Route de Borgo", BIG, 42.6077, 9.4405, "agriculture"),
    company!("Cuisine centrale de Furiani", "56.29A", "12", "Rue des écoles", FUR, 42.6482, 9.4259, "alimentaire"),
    company!("Cabinet d'études Ambiente", "71.12B", "03", "Zone de Purettone, bât. A", FUR, 42.6426, 9.4378),
    company!("Transports Mattei", "49.41A", "12", "Zone de Purettone, lot 11", FUR, 42.6461, 9.4316, "logistique"),
    company!("Carrosserie Giudicelli", "45.20A", "03", "ZA de Tragone, lot 2", BIG, 42.6166, 9.4305),
    company!("Pharmacie de la Marana", "47.73Z", "03", "Centre commercial de la Marana", BIG, 42.6270, 9.4315, "santé"),
    company!("Salaisons du Nebbio", "10.13B", "11", "ZA de Tragone, lot 25", BIG, 42.6191, 9.4459, "alimentaire"),
    company!("Torréfaction Corsa", "10.83Z", "03", "Zone de Purettone, lot 14", FUR, 42.6397, 9.4412, "alimentaire"),
    company!("Matériaux Bevinco Négoce", "46.73A", "11", "Route de l'étang", BIG, 42.6128, 9.4402, "BTP"),
    company!("Bureaux Marana Conseil", "70.22Z", "03", "Route nationale 193, km 7", BIG, 42.6295, 9.4345),
    company!("Station de lavage Golo Auto", "45.20B", "02", "Route nationale 193, km 6", BIG, 42.6245, 9.4270),
    company!("Élevage caprin Pietri", "01.45Z", "01", "Plaine de Casatorra", BIG, 42.6081, 9.4210, "agriculture"),
    company!("Clinique vétérinaire de l'Étang", "75.00Z", "03", "Route de l'étang", BIG, 42.6149, 9.4468),
    company!("Chaudronnerie Lucciani", "25.29Z", "11", "ZA de Tragone, lot 27", BIG, 42.6213, 9.4472, "métal"),
    company!("Atelier de réparation navale Pozzo", "33.15Z", "03", "Zone de Purettone, lot 18", FUR, 42.6473, 9.4395),
    company!("Peintures Tyrrhéniennes", "20.30Z", "11", "Zone de Purettone, lot 20", FUR, 42.6455, 9.4423, "chimie"),
    company!("Lycée professionnel de la Marana", "85.32Z", "21", "Avenue de la Marana", FUR, 42.6498, 9.4302, "formation"),
];

pub struct FlowRow {
    /// 1-based index into COMPANIES.
    pub company: usize,
    pub direction: Direction,
    pub family: Family,
    pub category: ResourceCategory,
    pub label: &'static str,
    pub waste_code: Option<&'static str>,
    pub quantity: f64,
    pub unit: Unit,
    pub period: Period,
    pub months: &'static [u8],
    pub state: Option<PhysicalState>,
    pub temperature: Option<f64>,
    pub route: Option<Route>,
    pub cost: Option<f64>,
    pub confidentiality: Confidentiality,
}

/// A waste offer: company, category, label, LoW code, t/yr, route, cost €/t.
macro_rules! waste {
    ($c:literal, $cat:expr, $label:literal, $code:literal, $q:literal, $route:expr, $cost:expr $(, $conf:expr)?) => {
        FlowRow { company: $c, direction: Offer, family: Waste, category: $cat, label: $label, waste_code: Some($code),
            quantity: $q, unit: Tonne, period: Year, months: &[], state: Some(PhysicalState::Solid), temperature: None,
            route: Some($route), cost: Some($cost), confidentiality: conf!($($conf)?) }
    };
}
/// Any other flow: company, direction, family, category, label, quantity, unit, period,
/// months, temperature, route, cost, confidentiality.
macro_rules! flow {
    ($c:literal, $dir:expr, $fam:expr, $cat:expr, $label:literal, $q:literal, $unit:expr, $period:expr,
     $months:expr, $temp:expr, $route:expr, $cost:expr $(, $conf:expr)?) => {
        FlowRow { company: $c, direction: $dir, family: $fam, category: $cat, label: $label, waste_code: None,
            quantity: $q, unit: $unit, period: $period, months: $months, state: None, temperature: $temp,
            route: $route, cost: $cost, confidentiality: conf!($($conf)?) }
    };
}
macro_rules! conf {
    () => {
        Public
    };
    ($c:expr) => {
        $c
    };
}

use Route::{Composting, Incineration, Landfill, Purchase, Recycling, Sewer};
const WINTER: &[u8] = &[1, 2, 3, 4, 10, 11, 12];
const HARVEST: &[u8] = &[9, 10, 11];
const SUMMER: &[u8] = &[6, 7, 8, 9];

#[rustfmt::skip]
pub const FLOWS: &[FlowRow] = &[
    // 1 Boulangerie
    waste!(1, R::Organic, "Pain et viennoiseries invendus", "020601", 6.0, Incineration, 140.0),
    waste!(1, R::PaperCardboard, "Cartons d'emballage des farines", "150101", 4.0, Landfill, 160.0),
    flow!(1, Need, Energy, R::Heat, "Chaleur pour le préchauffage des fours", 120.0, MegawattHour, Year, &[], Some(60.0), Some(Purchase), Some(110.0)),
    // 2 Brasserie
    waste!(2, R::FoodByproducts, "Drêches de brasserie", "020701", 180.0, Landfill, 150.0),
    waste!(2, R::Glass, "Bouteilles cassées", "150107", 8.0, Landfill, 130.0),
    flow!(2, Offer, Energy, R::Heat, "Eau chaude de refroidissement du moût", 90.0, MegawattHour, Year, &[], Some(55.0), None, None),
    flow!(2, Need, Water, R::ProcessWater, "Eau de brassage", 4200.0, CubicMetre, Year, &[], None, Some(Purchase), Some(2.4)),
    waste!(2, R::PaperCardboard, "Cartons et fardeaux", "150101", 6.0, Landfill, 160.0),
    // 3 Laiterie
    flow!(3, Offer, Matter, R::FoodByproducts, "Lactosérum (petit-lait)", 350.0, CubicMetre, Year, &[], None, Some(Sewer), Some(45.0), Anonymised),
    flow!(3, Need, Energy, R::Steam, "Vapeur pour la pasteurisation", 900.0, MegawattHour, Year, &[], Some(120.0), Some(Purchase), Some(105.0)),
    flow!(3, Need, Energy, R::Cold, "Froid pour les chambres de maturation", 250.0, MegawattHour, Year, &[], Some(4.0), Some(Purchase), Some(120.0)),
    waste!(3, R::Plastics, "Films plastiques d'emballage", "150102", 5.0, Landfill, 170.0),
    // 4 Scierie
    waste!(4, R::Wood, "Sciure et copeaux de bois brut", "030105", 420.0, Landfill, 120.0),
    waste!(4, R::Wood, "Écorces", "030101", 150.0, Landfill, 120.0),
    flow!(4, Need, Energy, R::Heat, "Séchage du bois (séchoir)", 300.0, MegawattHour, Year, &[], Some(70.0), Some(Purchase), Some(100.0)),
    flow!(4, Offer, Equipment, R::Equipment, "Chariot télescopique disponible le samedi", 400.0, Hour, Year, &[], None, None, None),
    // 5 Menuiserie
    waste!(5, R::Wood, "Chutes de bois massif non traité", "030105", 35.0, Landfill, 150.0),
    waste!(5, R::Wood, "Palettes bois cassées", "150103", 12.0, Landfill, 150.0),
    flow!(5, Need, Matter, R::Wood, "Bois de petite section pour tasseaux", 20.0, Tonne, Year, &[], None, Some(Purchase), Some(380.0)),
    waste!(5, R::OilsSolvents, "Vernis et solvants usagés", "080111", 0.8, Incineration, 900.0),
    // 6 Béton
    flow!(6, Need, Matter, R::Minerals, "Granulats pour béton", 9000.0, Tonne, Year, &[], None, Some(Purchase), Some(24.0)),
    waste!(6, R::Minerals, "Retours de béton et laitances durcies", "101314", 600.0, Landfill, 35.0),
    flow!(6, Need, Water, R::ProcessWater, "Eau de gâchage et de lavage des toupies", 5200.0, CubicMetre, Year, &[], None, Some(Purchase), Some(2.4)),
    flow!(6, Offer, Water, R::Wastewater, "Eaux de lavage décantées", 3000.0, CubicMetre, Year, &[], None, Some(Sewer), Some(1.8)),
    // 7 Métallerie
    waste!(7, R::Metals, "Chutes d'acier", "120101", 40.0, Recycling, -120.0),
    waste!(7, R::OilsSolvents, "Huiles de coupe usagées", "120109", 1.5, Incineration, 600.0),
    flow!(7, Offer, Skill, R::Skills, "Soudure et chaudronnerie à façon", 300.0, Hour, Year, &[], None, None, None),
    waste!(7, R::Wood, "Palettes de livraison d'acier", "150103", 6.0, Landfill, 150.0),
    // 8 Garage
    waste!(8, R::OilsSolvents, "Huiles moteur usagées", "130205", 4.0, Recycling, 0.0),
    waste!(8, R::Metals, "Batteries au plomb", "160601", 1.2, Recycling, -300.0),
    waste!(8, R::Other, "Pneus usagés", "160103", 9.0, Recycling, 180.0),
    flow!(8, Need, Service, R::OtherService, "Collecte des déchets dangereux", 12.0, Hour, Year, &[], None, Some(Purchase), Some(95.0)),
    // 9 Imprimerie
    waste!(9, R::PaperCardboard, "Rognures de papier", "030308", 25.0, Recycling, 20.0),
    waste!(9, R::OilsSolvents, "Encres et solvants usagés", "080312", 1.0, Incineration, 950.0),
    flow!(9, Need, Matter, R::PaperCardboard, "Carton pour emballage des commandes", 8.0, Tonne, Year, &[], None, Some(Purchase), Some(900.0)),
    // 10 Plastiques
    waste!(10, R::Plastics, "Carottes et rebuts d'injection PP", "070213", 60.0, Landfill, 160.0),
    flow!(10, Offer, Energy, R::Heat, "Chaleur des groupes de refroidissement des presses", 400.0, MegawattHour, Year, &[], Some(40.0), None, None),
    flow!(10, Need, Matter, R::Plastics, "Granulés de polypropylène", 400.0, Tonne, Year, &[], None, Some(Purchase), Some(1400.0), Private),
    waste!(10, R::PaperCardboard, "Sacs et cartons de granulés", "150101", 9.0, Landfill, 160.0),
    // 11 Entrepôts
    waste!(11, R::Wood, "Palettes bois hors d'usage", "150103", 70.0, Landfill, 150.0),
    waste!(11, R::PaperCardboard, "Cartons d'emballage", "150101", 55.0, Landfill, 160.0),
    waste!(11, R::Plastics, "Films étirables", "150102", 14.0, Landfill, 170.0),
    flow!(11, Offer, Equipment, R::Premises, "Surface d'entrepôt libre (800 m²)", 800.0, Unit::Unit, Period::Once, &[], None, None, None),
    // 12 Hypermarché
    waste!(12, R::Organic, "Fruits et légumes invendus", "020304", 90.0, Incineration, 140.0),
    waste!(12, R::PaperCardboard, "Cartons", "150101", 160.0, Recycling, 30.0),
    waste!(12, R::Plastics, "Films et housses plastiques", "150102", 20.0, Landfill, 170.0),
    flow!(12, Offer, Energy, R::Heat, "Chaleur des condenseurs des meubles froids", 350.0, MegawattHour, Year, &[], Some(35.0), None, None),
    flow!(12, Need, Service, R::OtherService, "Collecte des biodéchets", 52.0, Hour, Year, &[], None, Some(Purchase), Some(80.0)),
    // 13 EHPAD
    waste!(13, R::Organic, "Restes de repas", "200108", 18.0, Incineration, 140.0),
    flow!(13, Need, Energy, R::Heat, "Chauffage et eau chaude sanitaire", 700.0, MegawattHour, Year, &[], Some(65.0), Some(Purchase), Some(115.0)),
    flow!(13, Need, Service, R::Catering, "Repas livrés en renfort (week-end)", 5000.0, Unit::Unit, Year, &[], None, Some(Purchase), Some(7.5)),
    // 14 Hôtel
    waste!(14, R::Organic, "Biodéchets de cuisine", "200108", 12.0, Incineration, 140.0, Anonymised),
    flow!(14, Need, Energy, R::Heat, "Eau chaude sanitaire", 260.0, MegawattHour, Year, SUMMER, Some(60.0), Some(Purchase), Some(120.0)),
    flow!(14, Need, Service, R::OtherService, "Blanchisserie du linge hôtelier", 30.0, Tonne, Year, SUMMER, None, Some(Purchase), Some(1500.0)),
    waste!(14, R::Glass, "Verre (bouteilles)", "200102", 10.0, Recycling, 40.0),
    // 15 Restaurant
    waste!(15, R::Organic, "Biodéchets de cuisine", "200108", 6.0, Incineration, 140.0),
    waste!(15, R::OilsSolvents, "Huiles de friture usagées", "200125", 1.2, Recycling, 0.0),
    waste!(15, R::PaperCardboard, "Cartons", "150101", 3.0, Landfill, 160.0),
    // 16 Blanchisserie
    flow!(16, Offer, Water, R::Wastewater, "Eaux de lavage chaudes (45 °C)", 9000.0, CubicMetre, Year, &[], Some(45.0), Some(Sewer), Some(1.8)),
    flow!(16, Need, Energy, R::Heat, "Préchauffage de l'eau des laveuses", 650.0, MegawattHour, Year, &[], Some(40.0), Some(Purchase), Some(105.0)),
    flow!(16, Offer, Service, R::OtherService, "Capacité de lavage disponible", 40.0, Tonne, Year, &[1, 2, 3, 4, 5, 10, 11, 12], None, None, None),
    // 17 Serres
    flow!(17, Need, Energy, R::Heat, "Chauffage des serres de tomates", 1200.0, MegawattHour, Year, WINTER, Some(35.0), Some(Purchase), Some(95.0)),
    flow!(17, Need, Matter, R::Organic, "Amendement organique (compost)", 120.0, Tonne, Year, &[2, 3, 9, 10], None, Some(Purchase), Some(45.0)),
    flow!(17, Need, Energy, R::Co2, "CO₂ pour la croissance des plants", 40.0, Tonne, Year, WINTER, None, Some(Purchase), Some(150.0)),
    waste!(17, R::Organic, "Déchets verts de culture", "020103", 60.0, Composting, 40.0),
    // 18 Cave coopérative
    flow!(18, Offer, Matter, R::FoodByproducts, "Marcs de raisin", 140.0, Tonne, Year, HARVEST, None, Some(Landfill), Some(60.0)),
    waste!(18, R::Organic, "Rafles de raisin", "020304", 45.0, Composting, 40.0),
    flow!(18, Need, Energy, R::Cold, "Froid pour la maîtrise des fermentations", 180.0, MegawattHour, Year, HARVEST, Some(12.0), Some(Purchase), Some(125.0)),
    flow!(18, Need, Water, R::ProcessWater, "Eau de lavage des cuves", 2500.0, CubicMetre, Year, HARVEST, None, Some(Purchase), Some(2.4)),
    // 19 Compostière
    flow!(19, Need, Matter, R::Organic, "Biodéchets à composter", 1500.0, Tonne, Year, &[], None, None, Some(-35.0)),
    flow!(19, Need, Matter, R::Wood, "Structurant bois (broyat)", 400.0, Tonne, Year, &[], None, Some(Purchase), Some(15.0)),
    flow!(19, Offer, Matter, R::Organic, "Compost normé NF U 44-051", 700.0, Tonne, Year, &[], None, None, Some(-30.0)),
    // 20 Collecte
    flow!(20, Offer, Service, R::Logistics, "Tournées de collecte en benne", 1800.0, Hour, Year, &[], None, None, None),
    flow!(20, Need, Energy, R::Gas, "Carburant pour la flotte", 900.0, MegawattHour, Year, &[], None, Some(Purchase), Some(150.0)),
    waste!(20, R::OilsSolvents, "Huiles hydrauliques usagées", "130110", 0.6, Recycling, 0.0),
    // 21 Recyclerie
    flow!(21, Need, Matter, R::Equipment, "Mobilier et matériel réemployables", 80.0, Tonne, Year, &[], None, None, None),
    flow!(21, Offer, Skill, R::Skills, "Démontage et tri (chantier d'insertion)", 2000.0, Hour, Year, &[], None, None, None),
    flow!(21, Need, Equipment, R::Premises, "Surface de stockage couverte", 400.0, Unit::Unit, Period::Once, &[], None, None, None),
    // 22 Datacentre
    flow!(22, Offer, Energy, R::Heat, "Chaleur fatale des salles serveurs (air à 35 °C)", 2600.0, MegawattHour, Year, &[], Some(35.0), None, None, Anonymised),
    flow!(22, Need, Energy, R::Electricity, "Électricité", 4400.0, MegawattHour, Year, &[], None, Some(Purchase), Some(160.0), Private),
    flow!(22, Need, Energy, R::Cold, "Refroidissement des salles", 300.0, Kilowatt, Year, &[], Some(20.0), Some(Purchase), None),
    waste!(22, R::Metals, "Équipements électroniques réformés", "160214", 3.0, Recycling, 0.0),
    // 23 Froid Corse
    flow!(23, Offer, Energy, R::Heat, "Chaleur des condenseurs frigorifiques", 1400.0, MegawattHour, Year, &[], Some(40.0), None, None),
    waste!(23, R::Wood, "Palettes cassées", "150103", 30.0, Landfill, 150.0),
    waste!(23, R::PaperCardboard, "Cartons", "150101", 25.0, Landfill, 160.0),
    flow!(23, Offer, Energy, R::Cold, "Capacité de stockage froid disponible", 150.0, Kilowatt, Year, &[1, 2, 3, 11, 12], Some(2.0), None, None),
    // 24 Coopérative agricole
    flow!(24, Need, Matter, R::FoodByproducts, "Aliments pour le bétail (matières premières)", 600.0, Tonne, Year, &[], None, Some(Purchase), Some(320.0)),
    waste!(24, R::Plastics, "Films agricoles usagés", "020104", 25.0, Landfill, 170.0),
    waste!(24, R::PaperCardboard, "Sacs papier d'engrais et semences", "150101", 7.0, Landfill, 160.0),
    // 25 Cuisine centrale
    waste!(25, R::Organic, "Restes de repas et épluchures", "200108", 45.0, Incineration, 140.0),
    flow!(25, Offer, Service, R::Catering, "Capacité de production de repas", 20000.0, Unit::Unit, Year, &[], None, None, None),
    flow!(25, Need, Energy, R::Heat, "Eau chaude de cuisson et de lavage", 400.0, MegawattHour, Year, &[], Some(60.0), Some(Purchase), Some(110.0)),
    waste!(25, R::PaperCardboard, "Cartons", "150101", 10.0, Landfill, 160.0),
    // 26 Cabinet d'études
    flow!(26, Offer, Skill, R::Skills, "Études réglementaires ICPE et déchets", 200.0, Hour, Year, &[], None, None, None),
    flow!(26, Need, Service, R::Catering, "Repas du midi pour l'équipe", 2000.0, Unit::Unit, Year, &[], None, Some(Purchase), Some(11.0)),
    // 27 Transports
    flow!(27, Offer, Service, R::Logistics, "Retours à vide vers Bastia port", 600.0, Hour, Year, &[], None, None, None),
    waste!(27, R::Other, "Pneus poids lourds usagés", "160103", 12.0, Recycling, 180.0),
    waste!(27, R::OilsSolvents, "Huiles moteur usagées", "130205", 3.0, Recycling, 0.0),
    flow!(27, Need, Service, R::OtherService, "Maintenance des véhicules", 800.0, Hour, Year, &[], None, Some(Purchase), Some(65.0)),
    // 28 Carrosserie
    waste!(28, R::OilsSolvents, "Peintures et solvants usagés", "080111", 1.5, Incineration, 900.0),
    waste!(28, R::Metals, "Pièces de tôlerie", "160117", 8.0, Recycling, -100.0),
    flow!(28, Need, Service, R::OtherService, "Collecte des déchets dangereux", 12.0, Hour, Year, &[], None, Some(Purchase), Some(95.0)),
    // 29 Pharmacie
    waste!(29, R::PaperCardboard, "Cartons", "150101", 4.0, Landfill, 160.0),
    flow!(29, Need, Service, R::OtherService, "Collecte des déchets de soins (DASRI)", 24.0, Hour, Year, &[], None, Some(Purchase), Some(120.0)),
    // 30 Salaisons
    waste!(30, R::Organic, "Graisses et déchets de découpe", "020202", 22.0, Incineration, 180.0, Anonymised),
    flow!(30, Need, Energy, R::Cold, "Froid pour le séchage des charcuteries", 220.0, MegawattHour, Year, &[], Some(10.0), Some(Purchase), Some(120.0)),
    flow!(30, Need, Energy, R::Heat, "Chaleur pour l'étuvage", 80.0, MegawattHour, Year, &[], Some(45.0), Some(Purchase), Some(110.0)),
    waste!(30, R::Wood, "Copeaux de hêtre de fumage usés", "030105", 2.0, Landfill, 150.0),
    // 31 Torréfaction
    waste!(31, R::FoodByproducts, "Pellicules de café (parches)", "020304", 6.0, Incineration, 140.0),
    flow!(31, Offer, Energy, R::Heat, "Fumées chaudes du torréfacteur", 60.0, MegawattHour, Year, &[], Some(180.0), None, None),
    waste!(31, R::Textiles, "Sacs de jute", "150109", 2.0, Landfill, 160.0),
    // 32 Matériaux négoce
    flow!(32, Need, Matter, R::Minerals, "Granulats recyclés pour remblais", 1500.0, Tonne, Year, &[], None, Some(Purchase), Some(18.0)),
    waste!(32, R::Wood, "Palettes consignées non reprises", "150103", 40.0, Landfill, 150.0),
    waste!(32, R::Plastics, "Housses plastiques", "150102", 6.0, Landfill, 170.0),
    // 33 Bureaux
    waste!(33, R::PaperCardboard, "Papiers de bureau", "200101", 3.0, Recycling, 60.0),
    flow!(33, Need, Service, R::Catering, "Repas du midi des salariés", 3500.0, Unit::Unit, Year, &[], None, Some(Purchase), Some(11.0)),
    flow!(33, Offer, Equipment, R::Premises, "Salle de réunion de 40 places", 200.0, Hour, Year, &[], None, None, None),
    // 34 Station de lavage
    flow!(34, Offer, Water, R::Wastewater, "Eaux de lavage après débourbeur", 2200.0, CubicMetre, Year, &[], None, Some(Sewer), Some(1.8)),
    flow!(34, Need, Water, R::Rainwater, "Eau de lavage (non potable suffisante)", 2500.0, CubicMetre, Year, &[], None, Some(Purchase), Some(2.4)),
    // 35 Élevage caprin
    flow!(35, Need, Matter, R::FoodByproducts, "Aliments pour chèvres", 90.0, Tonne, Year, &[], None, Some(Purchase), Some(340.0)),
    flow!(35, Need, Matter, R::Wood, "Litière (copeaux, sciure)", 40.0, Tonne, Year, WINTER, None, Some(Purchase), Some(110.0)),
    flow!(35, Offer, Matter, R::Organic, "Fumier de chèvre", 120.0, Tonne, Year, &[], None, None, None),
    // 36 Clinique vétérinaire
    flow!(36, Need, Service, R::OtherService, "Collecte des déchets de soins (DASRI)", 24.0, Hour, Year, &[], None, Some(Purchase), Some(120.0)),
    waste!(36, R::PaperCardboard, "Cartons", "150101", 2.0, Landfill, 160.0),
    // 37 Chaudronnerie
    waste!(37, R::Metals, "Chutes d'inox", "120101", 15.0, Recycling, -400.0),
    flow!(37, Need, Energy, R::Heat, "Chauffage de l'atelier", 150.0, MegawattHour, Year, WINTER, Some(50.0), Some(Purchase), Some(115.0)),
    flow!(37, Offer, Equipment, R::Equipment, "Plieuse et cisaille disponibles", 300.0, Hour, Year, &[], None, None, None),
    // 38 Réparation navale
    waste!(38, R::OilsSolvents, "Eaux de fond de cale huileuses", "130403", 5.0, Incineration, 450.0),
    waste!(38, R::Plastics, "Chutes de composite polyester", "070213", 4.0, Landfill, 170.0),
    flow!(38, Need, Skill, R::Skills, "Soudure aluminium ponctuelle", 120.0, Hour, Year, &[], None, Some(Purchase), Some(70.0)),
    // 39 Peintures
    waste!(39, R::Chemicals, "Boues de peinture", "080113", 6.0, Incineration, 950.0, Private),
    flow!(39, Need, Matter, R::Minerals, "Charges minérales (carbonate de calcium)", 120.0, Tonne, Year, &[], None, Some(Purchase), Some(260.0)),
    waste!(39, R::Metals, "Fûts métalliques vides souillés", "150110", 3.0, Incineration, 600.0),
    // 40 Lycée professionnel
    flow!(40, Need, Matter, R::Metals, "Chutes métalliques pour les ateliers de soudure", 5.0, Tonne, Year, &[], None, Some(Purchase), Some(900.0)),
    flow!(40, Need, Matter, R::Wood, "Bois pour les ateliers de menuiserie", 6.0, Tonne, Year, &[], None, Some(Purchase), Some(600.0)),
    flow!(40, Offer, Skill, R::Skills, "Apprentis en alternance (maintenance)", 3000.0, Hour, Year, &[], None, None, None),
    flow!(40, Need, Service, R::Catering, "Repas de la demi-pension", 60000.0, Unit::Unit, Year, &[1, 2, 3, 4, 5, 6, 9, 10, 11, 12], None, Some(Purchase), Some(4.2)),
    waste!(40, R::Organic, "Restes de la demi-pension", "200108", 20.0, Incineration, 140.0),
    flow!(40, Need, Energy, R::Heat, "Chauffage des ateliers et de l'internat", 900.0, MegawattHour, Year, WINTER, Some(60.0), Some(Purchase), Some(110.0)),
    flow!(8, Need, Water, R::ProcessWater, "Eau de lavage des véhicules", 300.0, CubicMetre, Year, &[], None, Some(Purchase), Some(2.4)),
    flow!(11, Need, Service, R::OtherService, "Collecte mutualisée des cartons", 52.0, Hour, Month, &[], None, Some(Purchase), Some(70.0)),
];

fn d(s: &str) -> Date {
    s.parse().expect("demo dates are valid")
}

fn change(stage: Stage, date: &str, note: &str) -> StageChange {
    StageChange {
        stage,
        date: d(date),
        note: note.into(),
    }
}

/// The id `build()` gives the flow of `company` whose label starts with `label`.
fn flow_of(company: usize, label: &str) -> FlowId {
    let i = FLOWS
        .iter()
        .position(|f| f.company == company && f.label.starts_with(label))
        .unwrap_or_else(|| panic!("demo flow {company}/{label}"));
    FlowId::new(format!("f-{}", i + 1))
}

pub fn synergies() -> Vec<Synergy> {
    let actors = |xs: &[u32]| {
        xs.iter()
            .map(|x| ActorId::new(format!("a-{x}")))
            .collect::<Vec<_>>()
    };
    vec![
        Synergy {
            id: SynergyId::new("s-1"),
            kind: SynergyKind::Substitution,
            title: "Drêches de la brasserie pour l'élevage caprin".into(),
            flows: vec![flow_of(2, "Drêches"), flow_of(35, "Aliments")],
            actors: actors(&[2, 35]),
            stage: Stage::Negotiating,
            history: vec![
                change(Stage::Idea, "2025-10-07", "Atelier de lancement"),
                change(
                    Stage::UnderStudy,
                    "2025-12-02",
                    "Analyse de la valeur alimentaire",
                ),
                change(
                    Stage::Negotiating,
                    "2026-03-18",
                    "Proposition de prix de reprise",
                ),
            ],
            barriers: vec![Barrier {
                kind: BarrierKind::Technical,
                note: "Drêches humides : enlèvement sous 48 h".into(),
            }],
            estimated: Gains {
                tonnes_per_year: Some(90.0),
                eur_per_year: Some(13_500.0),
                ..Default::default()
            },
            next_step: "Essai d'un mois à l'automne".into(),
            ..Default::default()
        },
        Synergy {
            id: SynergyId::new("s-2"),
            kind: SynergyKind::Mutualisation,
            title: "Collecte mutualisée des cartons de la ZA".into(),
            flows: vec![
                flow_of(11, "Cartons"),
                flow_of(12, "Cartons"),
                flow_of(23, "Cartons"),
                flow_of(25, "Cartons"),
            ],
            actors: actors(&[11, 12, 23, 25]),
            stage: Stage::UnderStudy,
            history: vec![
                change(Stage::Idea, "2025-10-07", "Atelier de lancement"),
                change(Stage::UnderStudy, "2026-01-20", ""),
            ],
            barriers: vec![Barrier {
                kind: BarrierKind::Organisation,
                note: "Fréquence de passage à caler".into(),
            }],
            estimated: Gains {
                tonnes_per_year: Some(250.0),
                eur_per_year: Some(18_000.0),
                ..Default::default()
            },
            next_step: "Consultation de deux collecteurs".into(),
            ..Default::default()
        },
        Synergy {
            id: SynergyId::new("s-3"),
            kind: SynergyKind::Substitution,
            title: "Chaleur du datacentre pour les serres".into(),
            flows: vec![
                flow_of(22, "Chaleur fatale"),
                flow_of(17, "Chauffage des serres"),
            ],
            actors: actors(&[22, 17]),
            stage: Stage::Idea,
            history: vec![change(Stage::Idea, "2026-03-18", "Atelier 2")],
            barriers: vec![Barrier {
                kind: BarrierKind::Economic,
                note: "Réseau de 2,5 km : coût à chiffrer".into(),
            }],
            next_step: "Étude de faisabilité".into(),
            ..Default::default()
        },
    ]
}

pub fn actions() -> Vec<RoadmapAction> {
    vec![
        RoadmapAction {
            id: ActionId::new("r-1"),
            title: "Mettre en place la collecte mutualisée des cartons".into(),
            synergy: Some(SynergyId::new("s-2")),
            owner: "Entrepôts Marana Logistique".into(),
            partners: vec!["CC de Marana-Golo".into(), "Collecte Services Corse".into()],
            phase: ProgrammePhase::Accompaniment,
            field: InterventionField::EnvironmentalProject,
            start: Some(d("2026-04-01")),
            end: Some(d("2026-09-30")),
            milestones: vec![Milestone {
                date: d("2026-06-01"),
                label: "Choix du collecteur".into(),
                done: false,
            }],
            status: ActionStatus::InProgress,
            investment_eur: Some(12_000.0),
            operating_eur_per_year: Some(9_000.0),
            eligible_eur: Some(12_000.0),
            aid_kind: Some(AidKind::Investment),
            beneficiary_size: Some(CompanySize::Medium),
            funding: vec![
                FundingLine {
                    status: AidStatus::Granted,
                    requested_on: Some(d("2026-03-02")),
                    granted_on: Some(d("2026-05-12")),
                    ..FundingLine::planned(FundingSource::Ademe, 6_000.0)
                },
                FundingLine::planned(FundingSource::Companies, 6_000.0),
            ],
            origin: String::new(),
            notes: String::new(),
        },
        RoadmapAction {
            id: ActionId::new("r-2"),
            title: "Étude de faisabilité d'un réseau de chaleur fatale".into(),
            synergy: Some(SynergyId::new("s-3")),
            owner: "CC de Marana-Golo".into(),
            partners: vec!["Datacentre Tyrrhénien".into(), "Serres de Casatorra".into()],
            phase: ProgrammePhase::Accompaniment,
            field: InterventionField::RenewableEnergy,
            start: Some(d("2026-06-01")),
            end: Some(d("2026-12-15")),
            status: ActionStatus::Planned,
            investment_eur: Some(25_000.0),
            eligible_eur: Some(25_000.0),
            aid_kind: Some(AidKind::Study),
            funding: vec![
                FundingLine {
                    status: AidStatus::Requested,
                    requested_on: Some(d("2026-05-20")),
                    ..FundingLine::planned(FundingSource::Ademe, 12_500.0)
                },
                FundingLine {
                    note: "Office de l'Environnement de la Corse".into(),
                    ..FundingLine::planned(FundingSource::RegionalAgency, 7_500.0)
                },
            ],
            ..Default::default()
        },
    ]
}

pub fn targets() -> Vec<Target> {
    vec![
        Target {
            indicator: IndicatorKind::TonnesPerYear,
            year: 2027,
            value: 400.0,
        },
        Target {
            indicator: IndicatorKind::SynergiesImplemented,
            year: 2027,
            value: 4.0,
        },
    ]
}

pub fn measurements() -> Vec<Measurement> {
    vec![
        Measurement {
            indicator: IndicatorKind::TonnesPerYear,
            date: d("2025-12-31"),
            value: 0.0,
            note: "Année de référence".into(),
        },
        Measurement {
            indicator: IndicatorKind::ActorsEngaged,
            date: d("2026-03-31"),
            value: 14.0,
            note: "Présents aux ateliers 1 et 2".into(),
        },
    ]
}

pub fn workshops() -> Vec<Workshop> {
    let participants = [2, 4, 5, 11, 12, 16, 17, 19, 22, 23, 25, 35]
        .iter()
        .map(|x| ActorId::new(format!("a-{x}")))
        .collect();
    vec![Workshop {
        id: WorkshopId::new("w-1"),
        title: "Atelier de lancement : qui a quoi, qui cherche quoi ?".into(),
        date: Some(d("2025-10-07")),
        participants,
        other_participants: vec![
            "ADEME".into(),
            "Office de l'Environnement de la Corse".into(),
        ],
        decisions: vec![
            "Étudier la reprise des drêches par un éleveur".into(),
            "Mutualiser la collecte des cartons".into(),
        ],
        ideas: vec![
            "Drêches de la brasserie pour un élevage caprin".into(),
            "Collecte commune des cartons de la zone".into(),
            "Chaleur des fours de la boulangerie pour les serres".into(),
            "Palettes cassées de la menuiserie vers la chaufferie bois".into(),
        ],
        hours: Some(16.0),
        notes: String::new(),
    }]
}

/// The demo's mission log: a steering committee, site visits and interviews in the autumn of
/// 2025, questionnaires sent to twenty companies and returned by six, a technical committee.
pub fn activities() -> Vec<Activity> {
    let actors = |ids: &[u32]| ids.iter().map(|x| ActorId::new(format!("a-{x}"))).collect();
    let mut log = vec![Activity {
        kind: ActivityKind::SteeringCommittee,
        date: Some(d("2025-09-15")),
        title: "Comité de pilotage de lancement".into(),
        people: vec![
            "ADEME".into(),
            "Office de l'Environnement de la Corse".into(),
            "Élus de la CC de Marana-Golo".into(),
        ],
        hours: Some(6.0),
        ..Default::default()
    }];
    let visits = [
        (2, "2025-09-23"),
        (4, "2025-09-25"),
        (5, "2025-09-30"),
        (11, "2025-10-02"),
        (12, "2025-10-14"),
        (16, "2025-10-16"),
        (17, "2025-10-21"),
        (19, "2025-10-23"),
    ];
    log.extend(visits.iter().map(|(a, day)| Activity {
        kind: ActivityKind::SiteVisit,
        date: Some(d(day)),
        title: "Visite de site et relevé des flux".into(),
        actors: actors(&[*a]),
        hours: Some(3.0),
        ..Default::default()
    }));
    let interviews = [
        (22, "2025-11-04"),
        (23, "2025-11-05"),
        (25, "2025-11-06"),
        (35, "2025-11-12"),
    ];
    log.extend(interviews.iter().map(|(a, day)| Activity {
        kind: ActivityKind::Interview,
        date: Some(d(day)),
        title: "Entretien téléphonique".into(),
        actors: actors(&[*a]),
        hours: Some(1.5),
        ..Default::default()
    }));
    log.push(Activity {
        kind: ActivityKind::QuestionnaireSent,
        date: Some(d("2025-11-03")),
        title: "Questionnaire des flux envoyé".into(),
        actors: actors(&(1..=20).collect::<Vec<_>>()),
        hours: Some(4.0),
        ..Default::default()
    });
    log.push(Activity {
        kind: ActivityKind::QuestionnaireReturned,
        date: Some(d("2025-12-01")),
        title: "Questionnaires retournés".into(),
        actors: actors(&[3, 6, 7, 8, 9, 10]),
        hours: Some(6.0),
        ..Default::default()
    });
    log.push(Activity {
        kind: ActivityKind::TechnicalCommittee,
        date: Some(d("2026-01-20")),
        title: "Comité technique : choix des synergies à étudier".into(),
        people: vec![
            "Chambre de commerce".into(),
            "Collecte Services Corse".into(),
        ],
        hours: Some(4.0),
        ..Default::default()
    });
    for (i, a) in log.iter_mut().enumerate() {
        a.id = ActivityId::new(format!("m-{}", i + 1));
    }
    log
}
