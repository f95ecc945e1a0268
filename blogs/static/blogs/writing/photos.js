// A photo question: a preview of the chosen photo, checked on the device before anything is
// sent (type and size, in plain words), its description revealed, and a way to take it out.
import { say } from "./strings.js";

const PHOTO_TYPES = ["image/jpeg", "image/png", "image/gif", "image/webp"];

export class PhotoQuestion {
    /**
     * @param {HTMLElement} root  holds [data-photo-input]s, [data-photo-preview], [data-photo-image],
     *   [data-photo-problem], [data-photo-remove] and [data-photo-description]
     * @param {{limit: number, storedInput?: HTMLInputElement, onChange?: Function}} options
     *   storedInput: the hidden field naming a photo already stored at school
     */
    constructor(root, { limit, storedInput = null, onChange = () => {} }) {
        this.root = root;
        this.limit = limit;
        this.storedInput = storedInput;
        this.onChange = onChange;
        this.inputs = [...root.querySelectorAll("[data-photo-input]")];
        this.preview = root.querySelector("[data-photo-preview]");
        this.image = root.querySelector("[data-photo-image]");
        this.problem = root.querySelector("[data-photo-problem]");
        this.remove = root.querySelector("[data-photo-remove]");
        this.description = root.querySelector("[data-photo-description]");
        this.inputs.forEach((input) => input.addEventListener("change", () => this.chosen(input)));
        this.remove?.addEventListener("click", () => this.takeOut());
        this.show();
    }

    /** The file waiting to be sent, if one was chosen since the last save. */
    get file() {
        const input = this.inputs.find((each) => each.files && each.files.length);
        return input ? input.files[0] : null;
    }

    get hasPhoto() {
        return Boolean(this.file || (this.storedInput && this.storedInput.value));
    }

    chosen(input) {
        const file = input.files[0];
        this.problem.hidden = true;
        if (!file) return;
        let message = "";
        if (!PHOTO_TYPES.includes(file.type)) message = say("photoWrongType");
        else if (file.size > this.limit) message = say("photoTooBig");
        if (message) {
            input.value = "";
            this.problem.textContent = message;
            this.problem.hidden = false;
            return;
        }
        // One photo: the camera's or the chosen one, whichever came last.
        this.inputs.filter((other) => other !== input).forEach((other) => (other.value = ""));
        this.showFile(file);
        this.onChange();
        this.description?.querySelector("input[type=text]")?.focus();
    }

    showFile(file) {
        if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
        this.objectUrl = URL.createObjectURL(file);
        this.image.src = this.objectUrl;
        this.show();
    }

    /** After a save: the photo is at school now, so it is never sent again. */
    stored(id, previewUrl) {
        if (this.storedInput) this.storedInput.value = id;
        this.inputs.forEach((input) => (input.value = ""));
        if (previewUrl && !this.objectUrl) this.image.src = previewUrl;
        this.show();
    }

    takeOut() {
        this.inputs.forEach((input) => (input.value = ""));
        if (this.storedInput) this.storedInput.value = "";
        if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
        this.objectUrl = null;
        this.image.removeAttribute("src");
        const description = this.description?.querySelector("input[type=text]");
        if (description) description.value = "";
        this.show();
        this.onChange();
        this.inputs.at(-1)?.focus();
    }

    show() {
        const has = this.hasPhoto;
        this.preview.hidden = !has;
        if (this.remove) this.remove.hidden = !has;
        if (this.description) this.description.hidden = !has;
    }
}
