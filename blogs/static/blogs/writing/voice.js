// Recording a voice clip in the browser (MediaRecorder). Where recording is not possible, or
// the microphone is refused, the child is told so plainly and the rest of the post still works;
// a device's own recorder can still be used through the file input.
import { say } from "./strings.js";

const TYPES = [
    ["audio/webm;codecs=opus", "webm"],
    ["audio/webm", "webm"],
    ["audio/ogg;codecs=opus", "ogg"],
    ["audio/mp4", "m4a"],
];
const LONGEST_SECONDS = 180;

function clock(seconds) {
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

export class VoiceQuestion {
    constructor(root, { limit, storedInput, durationInput, onChange = () => {} }) {
        this.root = root;
        this.limit = limit;
        this.storedInput = storedInput;
        this.durationInput = durationInput;
        this.onChange = onChange;
        this.recorder = root.querySelector("[data-voice-recorder]");
        this.button = root.querySelector("[data-voice-record]");
        this.status = root.querySelector("[data-voice-status]");
        this.problem = root.querySelector("[data-voice-problem]");
        this.clip = root.querySelector("[data-voice-clip]");
        this.audio = root.querySelector("[data-voice-audio]");
        this.fileChoice = root.querySelector("[data-voice-file]");
        this.fileInput = this.fileChoice.querySelector("input[type=file]");
        this.pending = null; // a recording not yet at school: {blob, name}

        root.querySelector("[data-voice-remove]").addEventListener("click", () => this.remove());
        this.fileInput.addEventListener("change", () => this.fileChosen());
        if (window.MediaRecorder && navigator.mediaDevices?.getUserMedia) {
            this.recorder.hidden = false;
            this.fileChoice.hidden = true;
            this.button.addEventListener("click", () => this.toggle());
        }
    }

    get hasVoice() {
        return Boolean(this.pending || this.fileInput.files.length || this.storedInput.value);
    }

    async toggle() {
        if (this.mediaRecorder && this.mediaRecorder.state === "recording") {
            this.mediaRecorder.stop();
            return;
        }
        this.problem.hidden = true;
        let stream;
        try {
            stream = await navigator.mediaDevices.getUserMedia({ audio: true });
        } catch {
            this.refused();
            return;
        }
        const [mimeType, extension] =
            TYPES.find(([type]) => MediaRecorder.isTypeSupported(type)) || ["", "webm"];
        const chunks = [];
        this.mediaRecorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
        this.mediaRecorder.addEventListener("dataavailable", (event) => chunks.push(event.data));
        this.mediaRecorder.addEventListener("stop", () => {
            stream.getTracks().forEach((track) => track.stop());
            clearInterval(this.timer);
            const blob = new Blob(chunks, { type: this.mediaRecorder.mimeType || mimeType });
            this.recorded(blob, `voice.${extension}`, this.seconds);
        });
        this.seconds = 0;
        this.mediaRecorder.start();
        this.button.setAttribute("aria-pressed", "true");
        this.button.textContent = say("stopRecording");
        this.status.textContent = say("recording", { time: clock(0) });
        this.timer = setInterval(() => {
            this.seconds += 1;
            this.status.textContent = say("recording", { time: clock(this.seconds) });
            if (this.seconds >= LONGEST_SECONDS) this.mediaRecorder.stop();
        }, 1000);
    }

    refused() {
        this.problem.textContent = say("micRefused");
        this.problem.hidden = false;
        this.recorder.hidden = true;
        this.fileChoice.hidden = false;
    }

    recorded(blob, name, seconds) {
        this.button.setAttribute("aria-pressed", "false");
        this.button.textContent = say("recordAgain");
        if (blob.size > this.limit) {
            this.status.textContent = "";
            this.problem.textContent = say("voiceTooBig");
            this.problem.hidden = false;
            return;
        }
        this.pending = { blob, name };
        this.durationInput.value = String(seconds);
        this.showClip(URL.createObjectURL(blob));
        this.status.textContent = say("recorded");
        this.onChange();
    }

    fileChosen() {
        const file = this.fileInput.files[0];
        if (!file) return;
        if (file.size > this.limit) {
            this.fileInput.value = "";
            this.problem.textContent = say("voiceTooBig");
            this.problem.hidden = false;
            return;
        }
        this.showClip(URL.createObjectURL(file));
        this.onChange();
    }

    showClip(url) {
        this.audio.src = url;
        this.clip.hidden = false;
    }

    /** Put the recording waiting to be sent into the form's data. */
    addTo(data) {
        if (this.pending) data.set("voice", this.pending.blob, this.pending.name);
    }

    /** After a save: the recording is at school now, so it is never sent again. */
    stored(id, url) {
        this.storedInput.value = id;
        this.pending = null;
        this.fileInput.value = "";
        if (url && !this.audio.getAttribute("src")) this.showClip(url);
    }

    remove() {
        this.pending = null;
        this.fileInput.value = "";
        this.storedInput.value = "";
        this.durationInput.value = "";
        this.audio.removeAttribute("src");
        this.clip.hidden = true;
        this.status.textContent = "";
        this.button.textContent = say("startRecording");
        this.onChange();
        (this.recorder.hidden ? this.fileInput : this.button).focus();
    }
}
