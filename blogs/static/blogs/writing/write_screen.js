// The pupil's writing screen: keeps what is typed on the device, saves it to school as the
// child goes, sends photo and voice once only, and sends the post when it is ready.
import { DeviceCopy } from "./device_copy.js";
import { PhotoQuestion } from "./photos.js";
import { Readiness } from "./readiness.js";
import { NotConnected, post, showProblems } from "./sending.js";
import { say } from "./strings.js";
import { VoiceQuestion } from "./voice.js";

const SAVE_AFTER_MS = 2500;

const form = document.querySelector("[data-writing]");
const field = (name) => form.elements.namedItem(name);
const status = form.querySelector("[data-save-status]");
const sendButton = form.querySelector("[data-send-button]");
const heading = document.querySelector("[data-error-summary] h2")?.textContent || say("notReady");

const device = new DeviceCopy(form, form.dataset.deviceKey);
// Where the post is saved ("form.action" would be the submit buttons, named "action").
let address = form.getAttribute("action");
const photo = new PhotoQuestion(form.querySelector("[data-photo]"), {
    limit: Number(form.dataset.photoLimit),
    storedInput: field("photo_id"),
    onChange: changed,
});
const voice = new VoiceQuestion(form.querySelector("[data-voice]"), {
    limit: Number(form.dataset.voiceLimit),
    storedInput: field("voice_id"),
    durationInput: field("voice_duration"),
    onChange: changed,
});
const blank = (name) => !field(name).value.trim();
const readiness = new Readiness(form.querySelector("[data-ready-list]"), sendButton, {
    id_title: () => blank("title"),
    id_text: () => blank("text"),
    id_photo_description: () => photo.hasPhoto && blank("photo_description"),
});

let saveTimer = null;
let saving = null;
let dirty = false;
// What school holds of the photo and the recording, kept with the writing on the device.
const stored = {
    photo: field("photo_id").value
        ? { id: field("photo_id").value, preview: form.querySelector("[data-photo-image]").src }
        : null,
    voice: field("voice_id").value
        ? { id: field("voice_id").value, url: form.querySelector("[data-voice-audio]").src }
        : null,
};

function extra() {
    return {
        photo: field("photo_id").value ? stored.photo : null,
        voice: field("voice_id").value ? stored.voice : null,
    };
}

function changed() {
    dirty = true;
    device.keep(extra());
    readiness.check();
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, SAVE_AFTER_MS);
}

function formData(action) {
    const data = new FormData(form);
    data.set("action", action);
    voice.addTo(data);
    return data;
}

function received(answer) {
    if (answer.photo) {
        stored.photo = answer.photo;
        photo.stored(answer.photo.id, answer.photo.preview);
    }
    if (answer.voice) {
        stored.voice = answer.voice;
        voice.stored(answer.voice.id, answer.voice.url);
    }
    if (answer.edit_url && address !== answer.edit_url) {
        // The post has its own address at school now: reopening it finds it there.
        address = answer.edit_url;
        form.setAttribute("action", address);
        history.replaceState(null, "", answer.edit_url);
        device.moveTo(device.key.replace(/:new$/, `:${answer.edit_url.match(/(\d+)\/$/)[1]}`));
    }
    device.keep(extra());
}

/** Save to school what has changed; a draft needs a name, a photo or voice is stored at once. */
async function save() {
    if (saving) {
        saveTimer = setTimeout(save, SAVE_AFTER_MS);
        return;
    }
    const hasNewFile = Boolean(photo.file || voice.pending || voice.fileInput.files.length);
    if (!dirty || (blank("title") && !hasNewFile)) return;
    dirty = false;
    status.textContent = say("saving");
    saving = post(address, formData("save"));
    try {
        const answer = await saving;
        received(answer);
        if (answer.ok) {
            status.textContent = answer.saved ? say("saved") : "";
        } else {
            status.textContent = "";
            // A photo or recording school could not use is not sent again with every save.
            if (answer.errors.photo) photo.inputs.forEach((input) => (input.value = ""));
            if (answer.errors.voice) voice.pending = null;
            showProblems(form, answer.errors, heading, { summary: false });
        }
    } catch (error) {
        if (!(error instanceof NotConnected)) throw error;
        dirty = true;
        status.textContent = say("keptOnDevice");
    } finally {
        saving = null;
    }
}

async function send(event) {
    event.preventDefault();
    if (!readiness.check()) {
        readiness.explain(status);
        return;
    }
    clearTimeout(saveTimer);
    if (saving) await saving.catch(() => {});
    status.textContent = say("sending");
    sendButton.setAttribute("aria-disabled", "true");
    try {
        const answer = await post(address, formData("send"));
        received(answer);
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
    readiness.check();
}

form.addEventListener("input", changed);
form.addEventListener("change", (event) => {
    if (event.target.type !== "file") changed();
});
form.addEventListener("submit", (event) => {
    if (event.submitter && event.submitter.value === "send") send(event);
});
sendButton.addEventListener("click", (event) => {
    if (sendButton.getAttribute("aria-disabled") === "true" && !readiness.check()) {
        event.preventDefault();
        readiness.explain(status);
    }
});
window.addEventListener("online", () => dirty && save());
document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") save();
});

// Writing kept on this device that school has not got yet is put back, unless the page is
// showing what was just sent (with its problems).
const copy = device.load();
const schoolSavedAt = form.dataset.savedAt ? new Date(form.dataset.savedAt) : null;
const showingProblems = Boolean(document.querySelector("[data-error-summary]"));
if (copy && !showingProblems && (!schoolSavedAt || new Date(copy.changedAt) > schoolSavedAt)) {
    let restored = device.restore(copy);
    const { photo: keptPhoto, voice: keptVoice } = copy.extra || {};
    if (keptPhoto && !field("photo_id").value) {
        received({ photo: keptPhoto });
        restored = true;
    }
    if (keptVoice && !field("voice_id").value) {
        received({ voice: keptVoice });
        restored = true;
    }
    if (restored) {
        document.querySelector("[data-restored-note]").hidden = false;
        changed();
    }
}
document.querySelector("[data-error-summary]")?.focus();
readiness.check();
