// The chosen theme is remembered per browser; the first visit follows the system setting.
window.workspaceTheme = {
    isDark() {
        const saved = localStorage.getItem("workspace.theme");
        if (saved) {
            return saved === "dark";
        }
        return window.matchMedia("(prefers-color-scheme: dark)").matches;
    },
    setDark(dark) {
        localStorage.setItem("workspace.theme", dark ? "dark" : "light");
    },
};
