// "Before you can send it": what is still missing, shown beside the Send button, which says it
// is not ready (aria-disabled) instead of letting a child send and then meet an error.
import { say } from "./strings.js";

export class Readiness {
    /**
     * @param {HTMLElement} list  [data-ready-list], whose items name their field: data-ready-for
     * @param {HTMLButtonElement} button  the Send button
     * @param {Object<string, () => boolean>} needs  field id → whether it is still missing
     */
    constructor(list, button, needs) {
        this.list = list;
        this.button = button;
        this.needs = needs;
        this.button.setAttribute("aria-describedby", list.id || (list.id = "ready-list"));
        this.check();
    }

    get missing() {
        return Object.keys(this.needs).filter((id) => this.needs[id]());
    }

    check() {
        const missing = this.missing;
        this.list.querySelectorAll("[data-ready-for]").forEach((item) => {
            item.hidden = !missing.includes(item.dataset.readyFor);
        });
        this.list.hidden = missing.length === 0;
        this.button.setAttribute("aria-disabled", String(missing.length > 0));
        return missing.length === 0;
    }

    /** When Send is pressed too soon: say so, and take the child to the first missing answer. */
    explain(status) {
        const [first] = this.missing;
        status.textContent = say("notReady");
        document.getElementById(first)?.focus();
    }
}
