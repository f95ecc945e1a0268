// The words the screens' scripts show, translated by Django and handed over as JSON.
const element = document.getElementById("screen-strings");
const strings = element ? JSON.parse(element.textContent) : {};

/** say("recording", {time: "0:05"}) → "Recording… 0:05" in the reader's language. */
export function say(name, values = {}) {
    return (strings[name] || "").replace(/%\((\w+)\)s/g, (match, key) => values[key] ?? match);
}
