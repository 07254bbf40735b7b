//! Any bytes given to the loader: it must answer Ok or a typed error, never panic, and what it
//! accepts must survive a save and a second load unchanged. The same bytes go through the
//! browser-storage path (`format::packed::unpack`, then the loader), and whatever loads must
//! come back unchanged from a pack and an unpack.
#![no_main]

use libfuzzer_sys::fuzz_target;
use symbiose_core::{Lang, UserMessage, format};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match format::load_project(text) {
        Ok(loaded) => {
            let saved = format::save_project(&loaded.value, false);
            let again = format::load_project(&saved).expect("a saved project loads");
            assert_eq!(again.value, loaded.value);
            let stored = format::packed::pack(&saved);
            let unpacked = format::packed::unpack(&stored).expect("a packed project unpacks");
            assert_eq!(unpacked, saved);
        }
        Err(e) => {
            assert!(!e.message_in(Lang::Fr).is_empty());
        }
    }
    // Storage path: a damaged or foreign stored text is an error, never a panic.
    if let Err(e) = format::packed::unpack(text).map(|t| format::load_project(&t).map(|_| ())) {
        assert!(!e.message_in(Lang::En).is_empty());
    }
    let _ = format::load_questionnaire(text);
});
