/* fuzz_notes: libFuzzer harness over the import of notes as W3C Web
 * Annotation JSON (notes_import_json), the file a user brings from another
 * tool. The notes go to a fresh database under /dev/shm (memory; removed
 * after each input) on a small fixed document; then the notes are listed
 * and exported again. */
#include <build-config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "anchor.h"
#include "doc.h"
#include "notes.h"
#include "notes_export.h"
#include "notes_import.h"
#include "parse.h"

static const char text[] =
	"Declaración de Buenos Aires\n\n"
	"Los Jefes de Estado, reunidos en la ciudad,\n\n"
	"1. Reafirman su compromiso con la paz.\n\n"
	"2. Deciden seguir examinando la cuestión.\n\n"
	"Anexo\n\n"
	"1. Al mismo tiempo, los Estados miembros acuerdan lo siguiente.\n";

static doc *d;
static anchor_doc *ad;
static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	d = parse_document("decl.txt", text, strlen(text), NULL);
	ad = anchor_doc_new(d);
	devnull = fopen("/dev/null", "w");
	if (!devnull)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char db[64];
	snprintf(db, sizeof db, "/dev/shm/lectern-fuzz-notes-%d.db", (int)getpid());
	char *err = NULL;
	notes_store *s = notes_open(db, &err);
	if (!s) {
		free(err);
		abort();
	}
	int fd = memfd_create("notes.json", MFD_CLOEXEC);
	if (fd < 0)
		abort();
	size_t done = 0;
	while (done < size) {
		ssize_t k = write(fd, data + done, size - done);
		if (k <= 0)
			abort();
		done += (size_t)k;
	}
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	notes_import_stats st;
	memset(&st, 0, sizeof st);
	int flags = size && (data[size - 1] & 1) ? NOTES_IMPORT_FORCE : 0;
	notes_import_json(s, ad, path, (unsigned)flags, &st, &err);
	notes_import_stats_clear(&st);
	free(err);
	err = NULL;
	close(fd);
	note_list l = { 0 };
	if (notes_list_doc(s, ad, NULL, &l, &err) == 0) {
		notes_export_md(d, ad, &l, devnull);
		notes_export_jsonld(d, ad, &l, devnull);
		note_list_clear(&l);
	}
	free(err);
	notes_close(s);
	/* A fresh database for the next input. */
	char side[96];
	unlink(db);
	snprintf(side, sizeof side, "%s-wal", db);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", db);
	unlink(side);
	return 0;
}
