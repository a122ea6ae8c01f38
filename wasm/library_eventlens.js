// JS functions the C++ shell calls in the page. Each forwards to the page
// script (web/eventlens-page.js), which owns file pickers and reading.
mergeInto(LibraryManager.library, {
  el_js_open_files: function () { if (window.eventlensPage) window.eventlensPage.openFiles(); },
  el_js_open_folder: function () { if (window.eventlensPage) window.eventlensPage.openFolder(); },
  el_js_cancel_loading: function () { if (window.eventlensPage) window.eventlensPage.cancel(); },
  el_js_theme_changed: function (dark) { if (window.eventlensPage) window.eventlensPage.themeChanged(!!dark); },
});
