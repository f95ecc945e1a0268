// A teacher's quick post: photos with their descriptions, checked on the phone, more photo
// slots on demand, the text kept on the device, and one press of Publish that sends it all.
// Nothing is stored at school before Publish, so an abandoned post leaves nothing behind.
import { DeviceCopy } from "./device_copy.js";
import { PhotoQuestion } from "./photos.js";
import { NotConnected, post, showProblems } from "./sending.js";
import { say } from "./strings.js";

const form = document.querySelector("[data-quick-post]");
const list = form.querySelector("[data-photo-list]");
const template = form.querySelector("[data-photo-template]");
const addButton = form.querySelector("[data-add-photo]");
const total = form.elements.namedItem("photos-TOTAL_FORMS");
const maximum = Number(form.elements.namedItem("photos-MAX_NUM_FORMS").value);
const status = form.querySelector("[data-save-status]");
const publishButton = form.querySelector("[data-send-button]");
const heading = document.querySelector("[data-error-summary] h2")?.textContent || say("notReady");
const limit = Number(form.dataset.photoLimit);
const device = new DeviceCopy(form, form.dataset.deviceKey);

const slots = [];

function enhance(slot) {
    slots.push(new PhotoQuestion(slot, { limit, onChange: showAddButton }));
}

function showAddButton() {
    const all = Number(total.value);
    addButton.hidden = all >= maximum || !slots.every((slot) => slot.hasPhoto);
}

function addSlot() {
    const index = Number(total.value);
    const html = template.innerHTML.replaceAll("__prefix__", String(index));
    list.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    const slot = list.lastElementChild;
    enhance(slot);
    showAddButton();
    slot.querySelector("[data-photo-input]").focus();
}

list.querySelectorAll("[data-photo-slot]").forEach(enhance);
addButton.addEventListener("click", addSlot);
showAddButton();

/** What must be there before publishing, as the school will check it. */
function problems() {
    const found = {};
    const text = form.elements.namedItem("text");
    if (!text.value.trim()) found[text.name] = [say("needText")];
    slots.forEach((slot) => {
        if (!slot.hasPhoto) return;
        const description = slot.root.querySelector("[data-photo-description] input[type=text]");
        if (!description.value.trim()) found[description.name] = [say("needDescription")];
        const who = slot.root.querySelector("input[type=radio]");
        if (who && !slot.root.querySelector("input[type=radio]:checked")) found[who.name] = [say("needWho")];
    });
    return found;
}

form.addEventListener("input", () => device.keep());
form.addEventListener("change", (event) => {
    if (event.target.type !== "file") device.keep();
});

form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const missing = problems();
    if (Object.keys(missing).length) {
        showProblems(form, missing, heading);
        return;
    }
    publishButton.setAttribute("aria-disabled", "true");
    status.textContent = say("publishing");
    try {
        const answer = await post(form.action, new FormData(form));
        if (answer.ok) {
            device.forget();
            window.location.assign(answer.go_to);
            return;
        }
        status.textContent = "";
        showProblems(form, answer.errors, heading);
    } catch (error) {
        if (!(error instanceof NotConnected)) throw error;
        status.textContent = say("notConnected");
    }
    publishButton.removeAttribute("aria-disabled");
});

const copy = device.load();
if (copy && !document.querySelector("[data-error-summary]") && device.restore(copy)) {
    document.querySelector("[data-restored-note]")?.removeAttribute("hidden");
}
document.querySelector("[data-error-summary]")?.focus();
