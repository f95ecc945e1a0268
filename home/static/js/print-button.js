// Buttons marked data-print open the browser's print dialogue (help sheets, login cards).
// A file rather than an onclick attribute: the Content-Security-Policy allows no inline script.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
