#include "host/elf_check.hpp"

#include <elf.h>

#include <cstring>
#include <fstream>
#include <vector>

namespace sema::rt {

std::string elf_layout_problem(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return "cannot open it";
  const auto size = static_cast<uint64_t>(in.tellg());
  Elf64_Ehdr eh{};
  in.seekg(0);
  if (size < sizeof eh || !in.read(reinterpret_cast<char*>(&eh), sizeof eh)) return "it is too short to be an ELF file";
  if (std::memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0) return "it is not an ELF file";
  if (eh.e_ident[EI_CLASS] != ELFCLASS64) return "it is not a 64-bit ELF file";
  if (eh.e_type != ET_DYN) return "it is not an ELF shared object";
  auto past_end = [&](uint64_t off, uint64_t count, uint64_t entsize) {
    return entsize != 0 && (off > size || count > (size - off) / entsize);
  };
  if (eh.e_phentsize != sizeof(Elf64_Phdr) || past_end(eh.e_phoff, eh.e_phnum, eh.e_phentsize))
    return "it is truncated (program headers past the end of the file)";
  if (eh.e_shnum != 0 && past_end(eh.e_shoff, eh.e_shnum, eh.e_shentsize))
    return "it is truncated (section headers past the end of the file)";
  std::vector<Elf64_Phdr> ph(eh.e_phnum);
  in.seekg(static_cast<std::streamoff>(eh.e_phoff));
  if (!in.read(reinterpret_cast<char*>(ph.data()), static_cast<std::streamsize>(ph.size() * sizeof(Elf64_Phdr))))
    return "it is truncated (program headers unreadable)";
  for (const auto& p : ph)
    if (p.p_type == PT_LOAD && (p.p_offset > size || p.p_filesz > size - p.p_offset))
      return "it is truncated (a loadable segment ends past the end of the file)";
  return {};
}

}  // namespace sema::rt
