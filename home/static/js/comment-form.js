// The comment form's one-use token, fetched when the visitor starts writing: the post page is
// cached and shared by every visitor, so it cannot carry a token of its own. Without this
// script (or before the token arrives) the form still works: the server then asks the visitor
// to press Send again, with what they wrote kept.
document.querySelectorAll("form[data-token-url]").forEach((form) => {
  const field = form.querySelector('input[name="started"]');
  if (!field || field.value) {
    return;
  }
  let asked = false;
  const fetchToken = () => {
    if (asked) {
      return;
    }
    asked = true;
    fetch(form.dataset.tokenUrl, { credentials: "omit", cache: "no-store" })
      .then((response) => (response.ok ? response.json() : null))
      .then((data) => {
        if (data && data.token && !field.value) {
          field.value = data.token;
        }
      })
      .catch(() => {
        asked = false;
      });
  };
  form.addEventListener("focusin", fetchToken);
  form.addEventListener("input", fetchToken);
});
