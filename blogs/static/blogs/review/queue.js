// "To check": move through what waits with buttons or keys (j/k, a, c, x, s), decide each item
// in place with a fetch (no page reload), add words or a voice note to a post's decision, and
// load the next items as the end comes near. The server refuses a decision already taken
// elsewhere, and the card says so.
import { say } from "../writing/strings.js";
import { VoiceQuestion } from "../writing/voice.js";

const root = document.querySelector("[data-to-check]");
const list = root.querySelector("[data-items]");
const count = root.querySelector("[data-count]");
const voiceLimit = Number(root.dataset.voiceLimit);
const TYPING = "input, textarea, select, [contenteditable]";
let current = null;
let loading = null;

const open = () => [...list.querySelectorAll("[data-item]:not([data-done])")];

function enhance(card) {
    const voice = card.querySelector("[data-voice]");
    if (voice) {
        card.voice = new VoiceQuestion(voice, {
            limit: voiceLimit,
            storedInput: voice.querySelector("[data-voice-stored]"),
            durationInput: voice.querySelector("[data-voice-duration]"),
        });
    }
    const form = card.querySelector("[data-decision]");
    form.addEventListener("submit", (event) => decide(event, card, form));
    card.addEventListener("focusin", () => mark(card));
}

function mark(card) {
    if (current === card) return;
    current?.classList.remove("check-item--current");
    current = card;
    card.classList.add("check-item--current");
}

function show(card) {
    mark(card);
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: "start", behavior: "smooth" });
    const remaining = open();
    if (remaining.length - remaining.indexOf(card) <= 3) loadMore();
}

async function loadMore() {
    const marker = list.querySelector("[data-more-after]");
    if (!marker || loading) return loading;
    const address = `${root.dataset.moreUrl}?after=${encodeURIComponent(marker.dataset.moreAfter)}`;
    loading = fetch(address, { credentials: "same-origin" })
        .then((response) => (response.ok ? response.text() : ""))
        .then((html) => {
            if (!html) return;
            marker.remove();
            const before = new Set(list.querySelectorAll("[data-item]"));
            list.insertAdjacentHTML("beforeend", html);
            list.querySelectorAll("[data-item]").forEach((card) => before.has(card) || enhance(card));
        })
        .catch(() => {})
        .finally(() => (loading = null));
    return loading;
}

async function move(step) {
    let cards = open();
    let index = cards.indexOf(current) + step;
    if (index >= cards.length) {
        await loadMore();
        cards = open();
    }
    index = Math.max(0, Math.min(index, cards.length - 1));
    if (cards[index]) show(cards[index]);
}

async function decide(event, card, form) {
    event.preventDefault();
    const button = event.submitter;
    const result = card.querySelector("[data-result]");
    const data = new FormData(form);
    data.set("action", button ? button.value : "approve");
    card.voice?.addTo(data);
    const buttons = [...form.querySelectorAll("button[type=submit]")];
    buttons.forEach((each) => (each.disabled = true));
    result.textContent = say("sending");
    let answer;
    let status;
    try {
        const response = await fetch(form.getAttribute("action"), {
            method: "POST",
            body: data,
            headers: { Accept: "application/json" },
            credentials: "same-origin",
        });
        status = response.status;
        answer = await response.json();
    } catch {
        result.textContent = say("notDecided");
        buttons.forEach((each) => (each.disabled = false));
        return;
    }
    result.textContent = answer.message;
    if (answer.ok || status === 409) {
        // Decided, here or (409) by someone else first: the card stays, with what happened.
        card.dataset.done = "";
        card.classList.add("check-item--done");
        form.querySelectorAll(".decision__buttons, .decision__reply, .voice-note, textarea, label")
            .forEach((element) => (element.hidden = true));
        count.textContent = answer.count_text;
        const following = open().find(
            (other) => card.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING,
        );
        if (following) show(following);
        else await move(1);
    } else {
        buttons.forEach((each) => (each.disabled = false));
    }
}

document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest?.(TYPING)) {
        if (event.key === "Escape") event.target.closest("[data-item]")?.focus();
        return;
    }
    if (event.key === "j") move(1);
    else if (event.key === "k") move(-1);
    else if (current && !("done" in current.dataset)) {
        const button = current.querySelector(`[data-shortcut="${CSS.escape(event.key)}"]`);
        if (!button) return;
        event.preventDefault();
        button.click();
    }
});

if (list) {
    list.querySelectorAll("[data-item]").forEach(enhance);
    if (open()[0]) mark(open()[0]);
}
