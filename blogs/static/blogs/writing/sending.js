// Sending a screen's form to school with fetch, so that a failed attempt keeps every answer
// and every chosen file on the page: nothing is lost, and nothing is chosen twice.

export class NotConnected extends Error {}

/**
 * Post `data` to `url`; resolves to the server's JSON answer ({ok, errors, …}).
 * Throws NotConnected when school cannot be reached.
 */
export async function post(url, data) {
    let response;
    try {
        response = await fetch(url, {
            method: "POST",
            body: data,
            headers: { Accept: "application/json" },
            credentials: "same-origin",
        });
    } catch {
        throw new NotConnected();
    }
    const type = response.headers.get("Content-Type") || "";
    if (!type.includes("application/json")) {
        // Signed out, a server error or a proxy's page: treat it as not reached.
        throw new NotConnected();
    }
    return response.json();
}

/**
 * Show the server's problems beside their questions and, unless `summary` is false (a save in
 * the background must not take the child away from what they are typing), in a summary at the
 * top, which takes the focus.
 */
export function showProblems(form, errors, heading, { summary: withSummary = true } = {}) {
    form.querySelectorAll("[data-problem-from-school]").forEach((element) => element.remove());
    form.querySelectorAll("[aria-invalid]").forEach((element) => element.removeAttribute("aria-invalid"));
    document.querySelector("[data-error-summary]")?.remove();
    const summary = document.createElement("div");
    summary.className = "error-summary";
    summary.setAttribute("role", "alert");
    summary.tabIndex = -1;
    summary.dataset.errorSummary = "";
    const title = document.createElement("h2");
    title.className = "error-summary__title";
    title.textContent = heading;
    const list = document.createElement("ul");
    for (const [name, messages] of Object.entries(errors)) {
        const field = form.querySelector(`[name="${CSS.escape(name)}"]`);
        for (const message of messages) {
            const item = document.createElement("li");
            if (field && field.id) {
                const link = document.createElement("a");
                link.href = `#${field.id}`;
                link.textContent = message;
                item.append(link);
            } else {
                item.textContent = message;
            }
            list.append(item);
        }
        if (field && field.type !== "hidden") {
            const note = document.createElement("p");
            note.className = "question__errors";
            note.dataset.problemFromSchool = "";
            note.textContent = messages.join(" ");
            field.setAttribute("aria-invalid", "true");
            (field.closest(".file-button") || field).before(note);
        }
    }
    if (!withSummary) return;
    summary.append(title, list);
    form.before(summary);
    summary.focus();
}
