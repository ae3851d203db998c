#pragma once
// Typed errors thrown by the core. Boundaries (CLI, GUI) catch them in one place and turn them
// into one line naming the input and the problem.
#include <stdexcept>
#include <string>

namespace cmap {

/// Base of every error the core throws on purpose.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A file or dataset that cannot be read or makes no sense. what() is "PATH: PROBLEM".
class DataError : public Error {
public:
    DataError(std::string path, std::string problem)
        : Error(path + ": " + problem), path_(std::move(path)), problem_(std::move(problem)) {}
    const std::string& path() const noexcept { return path_; }
    const std::string& problem() const noexcept { return problem_; }

private:
    std::string path_;
    std::string problem_;
};

/// A value given by the user (argument, option, date) that is not acceptable.
class InputError : public Error {
public:
    using Error::Error;
};

}  // namespace cmap
