//! The Symbiose web shell (Leptos CSR). Domain logic lives in `symbiose-core`.
