// What is typed is kept on this device as it is typed (localStorage), so a dropped connection,
// a closed tab or a flat battery loses nothing; the copy is offered back when the screen opens
// again, if it is newer than what school has.
const PREFIX = "schoolsite-writing:";

export class DeviceCopy {
    constructor(form, key) {
        this.form = form;
        this.key = key;
    }

    get storageKey() {
        return PREFIX + this.key;
    }

    /** The form's typed answers: every [data-keep] field, ticked boxes, and extra values. */
    read(extra = {}) {
        const fields = {};
        this.form.querySelectorAll("[data-keep]").forEach((field) => (fields[field.name] = field.value));
        const ticked = {};
        this.form.querySelectorAll("input[type=checkbox], input[type=radio]").forEach((box) => {
            if (box.checked) (ticked[box.name] ||= []).push(box.value);
        });
        return { fields, ticked, extra, changedAt: new Date().toISOString() };
    }

    keep(extra) {
        try {
            localStorage.setItem(this.storageKey, JSON.stringify(this.read(extra)));
        } catch {
            // Storage full or switched off: school's copy still saves as the child goes.
        }
    }

    load() {
        try {
            return JSON.parse(localStorage.getItem(this.storageKey) || "null");
        } catch {
            return null;
        }
    }

    /** Put a kept copy back into the form; whether anything in it differed. */
    restore(copy) {
        let changed = false;
        for (const [name, value] of Object.entries(copy.fields || {})) {
            const field = this.form.querySelector(`[data-keep][name="${CSS.escape(name)}"]`);
            if (field && field.value !== value) {
                field.value = value;
                changed = true;
            }
        }
        const ticked = copy.ticked || {};
        this.form.querySelectorAll("input[type=checkbox], input[type=radio]").forEach((box) => {
            const wanted = (ticked[box.name] || []).includes(box.value);
            if (box.checked !== wanted) {
                box.checked = wanted;
                changed = true;
            }
        });
        return changed;
    }

    /** A new post got its own address at school: its copy follows it there. */
    moveTo(key) {
        const copy = this.load();
        this.forget();
        this.key = key;
        if (copy) localStorage.setItem(this.storageKey, JSON.stringify(copy));
    }

    forget() {
        try {
            localStorage.removeItem(this.storageKey);
        } catch {
            // Nothing kept, nothing to forget.
        }
    }
}
