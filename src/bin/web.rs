//! The browser kiosk's entry point: wasm-bindgen calls `main` when the page loads.

fn main() {
    aftercare::web::start();
}
