//! Fuzzes the providers.yaml loader (aliases, chains, cycles): any text loads or fails with a
//! typed `CatalogueError`, never a panic or an endless alias walk.

#![no_main]

use libfuzzer_sys::fuzz_target;
use nango_core::catalogue::Catalogue;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(catalogue) = Catalogue::from_yaml_str(text) else {
        return;
    };
    for (name, provider) in catalogue.iter() {
        let json = serde_json::to_vec(provider).expect("a loaded provider serialises");
        let again: nango_core::catalogue::Provider =
            serde_json::from_slice(&json).expect("its own JSON parses");
        assert_eq!(provider, &again, "round trip changed provider {name}");
    }
});
