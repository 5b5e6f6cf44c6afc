//! Rendering: pure functions from app state to a frame. (The full module list is merged with the app.)
pub mod picture;
pub mod reader;
