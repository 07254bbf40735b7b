//! Any bytes given to the loader: it must answer Ok or a typed error, never panic, and what it
//! accepts must survive a save and a second load unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use symbiose_core::{Lang, format};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match format::load_project(text) {
        Ok(loaded) => {
            let saved = format::save_project(&loaded.value, false);
            let again = format::load_project(&saved).expect("a saved project loads");
            assert_eq!(again.value, loaded.value);
        }
        Err(e) => {
            assert!(!e.message(Lang::Fr).is_empty());
        }
    }
    let _ = format::load_questionnaire(text);
});
