/*
 * Publish (or Save draft) pressed while Wagtail's autosave is saving waits for that autosave, then
 * goes where it leads.
 *
 * Wagtail 8.0's autosave (the w-autosave controller on the editor's form) creates a new page with
 * its first save and then points the form at the page's edit view. A Publish pressed before that
 * first save has answered still posts to the create view, which refuses it: the autosaved draft
 * already holds the slug ("This slug is already in use"), or, where the database does not make
 * them wait for each other, both requests create the page. Here such a submit is held until the
 * autosave in flight has succeeded (the form now posts to the edit view) or failed (nothing was
 * created), then sent with the button that was pressed.
 *
 * Once the form is on its way, this page sends no more autosaves: the page the submit leads to
 * takes over. An edit made while the held autosave was saving makes Wagtail's controller save
 * again as soon as it answers, which raced the submit: landing after the next page had loaded,
 * that autosave rewrote the revision the next page had just loaded, and the next page's first
 * autosave was refused as out of date ("You saved a new version in another window").
 *
 * Loaded on every editor by base/wagtail_hooks.py; small enough to offer upstream, where it
 * belongs in the controller itself.
 */
(() => {
  const EDITOR_FORM = "form[data-controller~='w-autosave']";
  const GIVE_UP_MS = 30000; // an autosave that never answers must not hold a Publish forever
  let saving = 0;
  let waiting = [];
  let leaving = false; // the editor's form has been submitted: the page is about to be replaced

  const settled = () => {
    saving = Math.max(0, saving - 1);
    if (!saving) {
      waiting.forEach((resume) => resume());
      waiting = [];
    }
  };

  // Listened to on the window, so that every other listener has had its say on the form or the
  // document first: a save another script cancels sends nothing.
  window.addEventListener("w-autosave:save", (event) => {
    if (leaving) event.preventDefault();
    else if (!event.defaultPrevented) saving += 1;
  });
  window.addEventListener("w-autosave:success", settled);
  window.addEventListener("w-autosave:error", settled);

  document.addEventListener(
    "submit",
    (event) => {
      const form = event.target;
      if (!saving || !form.matches(EDITOR_FORM)) return;
      event.preventDefault();
      const button = event.submitter;
      new Promise((resume) => {
        waiting.push(resume);
        setTimeout(resume, GIVE_UP_MS);
      }).then(() => {
        // form.submit() sends no submitter: the pressed button's name goes along as a field.
        if (button && button.name) {
          const pressed = document.createElement("input");
          pressed.type = "hidden";
          pressed.name = button.name;
          pressed.value = button.value;
          form.append(pressed);
        }
        leaving = true;
        form.submit();
      });
    },
    true,
  );
  // A submit no other script held or cancelled (Wagtail asks first when a newer version exists).
  window.addEventListener("submit", (event) => {
    if (!event.defaultPrevented && event.target.matches(EDITOR_FORM)) leaving = true;
  });
})();
