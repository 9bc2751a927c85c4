// Saves a file the server streams to the page (list exports): the browser's own download, no second request.
window.returnLoop = {
  download: async (fileName, streamRef) => {
    const blob = new Blob([await streamRef.arrayBuffer()]);
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  },
};
