//! Classification measured on the labelled corpus of saved pages in `tests/data/classify`
//! (and the sample forms of `www/forms`, named by their expectations): each page on its own
//! test, field by field with the kind of reason (as Firefox's heuristics tests do), and
//! precision, recall, wrong fills and wrong-person fills overall and for the Chinese pages,
//! against the targets of [`the_corpus_meets_the_targets`]: precision ≥ 0.98, recall ≥ 0.90,
//! no wrong fills and no wrong-person fills.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::path::Path;

use oncefill::core::classify::eval::{self, PageScore, Totals};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn corpus_dir() -> std::path::PathBuf {
    root().join("tests/data/classify")
}

fn corpus() -> Vec<PageScore> {
    let pages = eval::load_corpus(&corpus_dir(), root()).unwrap();
    eval::score_corpus(&pages)
}

/// One page against its expectation: every field as expected, by the expected kind of
/// reason, except the page's known misses, which must still be missed.
fn golden(name: &str) {
    let (name, html, expected) = eval::load_page(&corpus_dir(), root(), name).unwrap();
    let s = eval::score_page(&name, &html, &expected);
    let mut failures: Vec<String> = s.errors.clone();
    for (handle, m) in s.mismatched.iter().zip(&s.mismatches) {
        if !expected.misses.contains(handle) {
            failures.push(m.clone());
        }
    }
    for handle in &expected.misses {
        if !s.mismatched.contains(handle) {
            failures.push(format!(
                "{handle}: now right; take it off the page's \"misses\""
            ));
        }
    }
    failures.extend(s.reasons.iter().cloned());
    let mut unrecorded: Vec<String> = expected
        .fields
        .iter()
        .filter(|(h, e)| e.key.is_some() && e.reason.is_none() && !expected.misses.contains(h))
        .map(|(h, _)| format!("{h}: no \"reason\" recorded"))
        .collect();
    unrecorded.sort();
    failures.extend(unrecorded);
    assert_eq!(s.wrong_fills + s.wrong_person, 0, "{name}: {failures:#?}");
    assert!(failures.is_empty(), "{name}:\n  {}", failures.join("\n  "));
}

/// A `#[test]` per labelled page, and the list of them.
macro_rules! pages {
    ($($test:ident => $name:literal,)*) => {
        $(
            #[test]
            fn $test() {
                golden($name);
            }
        )*
        const PAGES: &[&str] = &[$($name),*];
    };
}

pages! {
    cn_admin_reconsideration => "cn-admin-reconsideration",
    cn_adoption_registration => "cn-adoption-registration",
    cn_agent_mandate => "cn-agent-mandate",
    cn_aria_labels => "cn-aria-labels",
    cn_bilingual_labels => "cn-bilingual-labels",
    cn_birth_registration => "cn-birth-registration",
    cn_birth_service_registration => "cn-birth-service-registration",
    cn_blood_donor_reimburse => "cn-blood-donor-reimburse",
    cn_business_permit_food => "cn-business-permit-food",
    cn_child_medical_insurance => "cn-child-medical-insurance",
    cn_child_vaccination_card => "cn-child-vaccination-card",
    cn_chronic_disease_certification => "cn-chronic-disease-certification",
    cn_co_ownership_housing => "cn-co-ownership-housing",
    cn_company_cancel => "cn-company-cancel",
    cn_consumer_complaint => "cn-consumer-complaint",
    cn_death_hukou_cancel => "cn-death-hukou-cancel",
    cn_deed_tax_declaration => "cn-deed-tax-declaration",
    cn_dibao_application => "cn-dibao-application",
    cn_disability_card => "cn-disability-card",
    cn_disability_card_2 => "cn-disability-card-2",
    cn_disability_subsidy => "cn-disability-subsidy",
    cn_disabled_child_rehab => "cn-disabled-child-rehab",
    cn_divorce_booking => "cn-divorce-booking",
    cn_dl_definition_list => "cn-dl-definition-list",
    cn_dog_registration => "cn-dog-registration",
    cn_driving_licence_apply => "cn-driving-licence-apply",
    cn_ebike_registration => "cn-ebike-registration",
    cn_elderly_care => "cn-elderly-care",
    cn_elderly_preferential_card => "cn-elderly-preferential-card",
    cn_element_ui_divs => "cn-element-ui-divs",
    cn_employer_ss_registration => "cn-employer-ss-registration",
    cn_employment_difficulty => "cn-employment-difficulty",
    cn_employment_register => "cn-employment-register",
    cn_enterprise_annual_report => "cn-enterprise-annual-report",
    cn_enterprise_change => "cn-enterprise-change",
    cn_exit_entry => "cn-exit-entry",
    cn_extreme_poverty_support => "cn-extreme-poverty-support",
    cn_family_planning_reward => "cn-family-planning-reward",
    cn_farmer_coop_setup => "cn-farmer-coop-setup",
    cn_fieldset_legend => "cn-fieldset-legend",
    cn_fire_safety_inspection => "cn-fire-safety-inspection",
    cn_firm_fund_registration => "cn-firm-fund-registration",
    cn_firm_social_insurance => "cn-firm-social-insurance",
    cn_flexible_employment => "cn-flexible-employment",
    cn_food_license_apply => "cn-food-license-apply",
    cn_foreign_trade_filing => "cn-foreign-trade-filing",
    cn_funeral_fee_waiver => "cn-funeral-fee-waiver",
    cn_getihu_register => "cn-getihu-register",
    cn_good_samaritan_confirm => "cn-good-samaritan-confirm",
    cn_gov_info_disclosure => "cn-gov-info-disclosure",
    cn_hidden_readonly => "cn-hidden-readonly",
    cn_homestead_application => "cn-homestead-application",
    cn_house_lease_filing => "cn-house-lease-filing",
    cn_household_move => "cn-household-move",
    cn_housing_fund_transfer => "cn-housing-fund-transfer",
    cn_housing_fund_withdraw => "cn-housing-fund-withdraw",
    cn_hrss_codes => "cn-hrss-codes",
    cn_iit_special_deduction => "cn-iit-special-deduction",
    cn_inheritance_property => "cn-inheritance-property",
    cn_inline_br_text => "cn-inline-br-text",
    cn_job_retention_refund => "cn-job-retention-refund",
    cn_kindergarten_enrol => "cn-kindergarten-enrol",
    cn_labour_arbitration => "cn-labour-arbitration",
    cn_labour_dispatch_permit => "cn-labour-dispatch-permit",
    cn_labour_filing => "cn-labour-filing",
    cn_labour_inspection_complaint => "cn-labour-inspection-complaint",
    cn_landline_split => "cn-landline-split",
    cn_legal_aid => "cn-legal-aid",
    cn_loan_self_spouse => "cn-loan-self-spouse",
    cn_ltc_disability_assessment => "cn-ltc-disability-assessment",
    cn_marriage_booking => "cn-marriage-booking",
    cn_marriage_booking_2 => "cn-marriage-booking-2",
    cn_marriage_cert_reissue => "cn-marriage-cert-reissue",
    cn_marriage_two_columns => "cn-marriage-two-columns",
    cn_maternity_allowance => "cn-maternity-allowance",
    cn_medical_assistance => "cn-medical-assistance",
    cn_medical_device_filing => "cn-medical-device-filing",
    cn_medical_family_mutual_aid => "cn-medical-family-mutual-aid",
    cn_medical_offsite_reimburse => "cn-medical-offsite-reimburse",
    cn_medical_referral_filing => "cn-medical-referral-filing",
    cn_medical_reimburse => "cn-medical-reimburse",
    cn_messy_legacy => "cn-messy-legacy",
    cn_migrant_child_enrol => "cn-migrant-child-enrol",
    cn_military_service_registration => "cn-military-service-registration",
    cn_mortgage_registration => "cn-mortgage-registration",
    cn_mps_idcard_apply => "cn-mps-idcard-apply",
    cn_needy_student_recognition => "cn-needy-student-recognition",
    cn_newborn_one_thing => "cn-newborn-one-thing",
    cn_no_criminal_record => "cn-no-criminal-record",
    cn_notarization_apply => "cn-notarization-apply",
    cn_orphan_basic_allowance => "cn-orphan-basic-allowance",
    cn_pension_survivor => "cn-pension-survivor",
    cn_pension_transfer => "cn-pension-transfer",
    cn_people_mediation => "cn-people-mediation",
    cn_personnel_file_custody => "cn-personnel-file-custody",
    cn_physician_registration => "cn-physician-registration",
    cn_pinyin_names => "cn-pinyin-names",
    cn_placeholder_only => "cn-placeholder-only",
    cn_portal_login_and_form => "cn-portal-login-and-form",
    cn_premarital_checkup => "cn-premarital-checkup",
    cn_property_transfer => "cn-property-transfer",
    cn_province_picker => "cn-province-picker",
    cn_public_rental_housing => "cn-public-rental-housing",
    cn_radio_checkbox_groups => "cn-radio-checkbox-groups",
    cn_realestate_apply => "cn-realestate-apply",
    cn_realestate_records_query => "cn-realestate-records-query",
    cn_rent_subsidy_vue => "cn-rent-subsidy-vue",
    cn_rental_housing_members => "cn-rental-housing-members",
    cn_residence_permit => "cn-residence-permit",
    cn_resident_medical_enrol => "cn-resident-medical-enrol",
    cn_resident_pension_cascade => "cn-resident-pension-cascade",
    cn_retirement_pension_claim => "cn-retirement-pension-claim",
    cn_road_freight_permit => "cn-road-freight-permit",
    cn_rs_pension_county => "cn-rs-pension-county",
    cn_rural_dibao => "cn-rural-dibao",
    cn_samr_company_setup => "cn-samr-company-setup",
    cn_samr_getihu => "cn-samr-getihu",
    cn_samr_officers_matrix => "cn-samr-officers-matrix",
    cn_samr_shareholder_grid => "cn-samr-shareholder-grid",
    cn_school_enrol => "cn-school-enrol",
    cn_school_enrolment => "cn-school-enrolment",
    cn_school_transfer => "cn-school-transfer",
    cn_seal_engraving_filing => "cn-seal-engraving-filing",
    cn_senior_allowance => "cn-senior-allowance",
    cn_skills_subsidy => "cn-skills-subsidy",
    cn_sme_ss_subsidy => "cn-sme-ss-subsidy",
    cn_social_org_register => "cn-social-org-register",
    cn_social_org_rep_change => "cn-social-org-rep-change",
    cn_sole_proprietorship_setup => "cn-sole-proprietorship-setup",
    cn_split_dates => "cn-split-dates",
    cn_spouse_hukou_join => "cn-spouse-hukou-join",
    cn_sscard_proxy_mail => "cn-sscard-proxy-mail",
    cn_startup_guarantee_loan => "cn-startup-guarantee-loan",
    cn_talent_settlement => "cn-talent-settlement",
    cn_tax_register => "cn-tax-register",
    cn_tax_register_unit => "cn-tax-register-unit",
    cn_teacher_qualification => "cn-teacher-qualification",
    cn_temporary_relief => "cn-temporary-relief",
    cn_tobacco_retail_licence => "cn-tobacco-retail-licence",
    cn_unemployment_benefit => "cn-unemployment-benefit",
    cn_unit_medical_insurance => "cn-unit-medical-insurance",
    cn_vehicle_license => "cn-vehicle-license",
    cn_vehicle_transfer => "cn-vehicle-transfer",
    cn_veteran_card => "cn-veteran-card",
    cn_work_ability_appraisal => "cn-work-ability-appraisal",
    cn_work_injury => "cn-work-injury",
    en_checkout_autocomplete => "en-checkout-autocomplete",
    en_contact_us => "en-contact-us",
    en_council_tax => "en-council-tax",
    en_event_registration => "en-event-registration",
    en_hk_bilingual_service => "en-hk-bilingual-service",
    en_job_application => "en-job-application",
    en_library_card => "en-library-card",
    en_uk_council_registration => "en-uk-council-registration",
    en_visa_application => "en-visa-application",
    tw_account_signup => "tw-account-signup",
    tw_company_contact => "tw-company-contact",
    tw_health_card => "tw-health-card",
    tw_household_registration => "tw-household-registration",
    tw_scholarship => "tw-scholarship",
    tw_subsidy_table => "tw-subsidy-table",
    tw_tax_return => "tw-tax-return",
    www_pension => "www-pension",
}

#[test]
fn every_page_has_its_own_test() {
    let names: BTreeSet<String> = eval::page_names(&corpus_dir())
        .unwrap()
        .into_iter()
        .collect();
    let listed: BTreeSet<String> = PAGES.iter().map(|p| p.to_string()).collect();
    assert_eq!(listed.len(), PAGES.len(), "a page listed twice");
    assert_eq!(
        names, listed,
        "pages! lists every page of tests/data/classify"
    );
    for entry in std::fs::read_dir(corpus_dir()).unwrap() {
        let file = entry.unwrap().file_name().into_string().unwrap();
        let name = file
            .strip_suffix(".expected.json")
            .or_else(|| file.strip_suffix(".html"))
            .unwrap_or_else(|| panic!("{file}: neither a page nor an expectation"));
        assert!(PAGES.contains(&name), "{file} has no expectation in pages!");
    }
}

#[test]
fn the_corpus_meets_the_targets() {
    let scores = corpus();
    let table = eval::table(&scores);
    assert!(scores.len() >= 40, "{} pages\n{table}", scores.len());
    let problems: Vec<&PageScore> = scores.iter().filter(|p| !p.errors.is_empty()).collect();
    assert!(
        problems.is_empty(),
        "expectations out of step with pages:\n{table}"
    );
    for (what, totals) in [
        ("all pages", Totals::of(&scores)),
        (
            "zh pages",
            Totals::of(scores.iter().filter(|p| p.lang.starts_with("zh"))),
        ),
    ] {
        assert!(
            totals.precision() >= 0.98
                && totals.recall() >= 0.90
                && totals.wrong_fills == 0
                && totals.wrong_person == 0,
            "{what}: precision {:.4}, recall {:.4}, wrong fills {}, wrong-person fills {}\n{table}",
            totals.precision(),
            totals.recall(),
            totals.wrong_fills,
            totals.wrong_person
        );
    }
    let zh = scores.iter().filter(|p| p.lang.starts_with("zh")).count();
    assert!(zh >= 30, "{zh} Chinese pages");
    assert!(
        scores.iter().any(|p| p.lang == "zh-TW") && scores.iter().any(|p| p.lang == "en"),
        "zh-TW and English pages are part of the corpus"
    );
}

#[test]
fn metrics_are_a_flat_json_object() {
    let m = eval::metrics(&corpus());
    for key in [
        "classify_precision",
        "classify_recall",
        "classify_wrong_fills",
        "classify_wrong_person",
        "classify_precision_zh",
        "classify_recall_zh",
        "classify_wrong_fills_zh",
        "classify_wrong_person_zh",
    ] {
        assert!(m.get(key).is_some_and(|v| v.is_number()), "{key}: {m:?}");
    }
}

#[test]
fn a_generated_page_has_a_thousand_fields_and_is_classified() {
    let page = eval::generated_page(1000);
    let (ms, count) = eval::time_scan_and_classify(&page, 1);
    assert!((1000..1100).contains(&count), "{count} fields");
    assert!(ms > 0.0);
}
